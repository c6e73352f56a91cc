# رسائل المشكلات التي وُجدت في المعطيات (data-issues.csv و check والتقرير).
# متاحة دائمًا: $value (قيمة الخلية) و $header (عنوان عمودها).

## ملفات لا يمكن قراءتها

read-empty = الملف فارغ
read-corrupt = الملف تالف أو مبتور (تتعذر قراءة بنيته)؛ اطلبوا نسخة جديدة منه، أو افتحوه واحفظوه من جديد في برنامج جداول
read-old-excel = هذا مصنف Excel { $version }، وهو صيغة أقدم من Excel 97 لا يقرؤها bilan: افتحوه في Excel أو LibreOffice واحفظوه بصيغة ‎.xlsx
read-other-format = هذا ليس مصنفًا بصيغة ‎.{ $extension } بل { $found ->
        [html] صفحة ويب (HTML)
        [pdf] مستند PDF
        [xml2003] مصنف XML من Excel 2003
        [xml] ملف XML
        [text] ملف نصي (CSV؟)
        [word] مستند Word
        [powerpoint] عرض PowerPoint
        [zip] أرشيف zip
       *[other] ملف من نوع آخر
    }: احفظوه بصيغة ‎.xlsx (أو ‎.csv) من البرنامج الذي أنشأه
read-codepage = تستعمل نصوص المصنف مجموعة محارف (صفحة الترميز { $page }) لا يستطيع bilan فكها: احفظوه بصيغة ‎.xlsx
read-no-sheet = لا يحتوي المصنف على أي ورقة
read-unclosed-quote = علامة اقتباس فُتحت في السطر { $line } ولم تُغلق قط
read-invalid-utf8 = يبدأ الملف بعلامة ترتيب بايتات UTF-8 لكنه يحتوي على UTF-8 غير صالح في السطر { $line }، الحقل { $field }
read-io = تعذر فتح الملف: { $reason }
read-timed-out = استغرقت قراءة هذا الملف أكثر من { $seconds } ثانية فأوقفت
read-reader-failed = فشلت قراءة هذا الملف على نحو غير متوقع (توقف القارئ)؛ يرجى الإبلاغ عن ذلك
read-fast-path = لا ينطبق مسار سريع من مسارات القارئ على هذا المصنف
read-unsupported = الصيغة ‎«.{ $extension }» غير مدعومة
read-encrypted = المصنف محمي بكلمة مرور أو مشفر: افتحوه بكلمة مروره واحفظوه بدونها
too-large-cells = أكثر من { $max } خلية (limits.max_cells)
too-large-inflated = يتجاوز المصنف بعد فك الضغط { $max } بايت (limits.max_inflated_bytes)
too-large-parts = يحتوي المصنف على { $count } جزءًا (الحد { $max })
too-large-ratio = يتضخم الجزء { $part } { $ratio } مرة عند فك ضغطه (قنبلة zip؟)
too-large = الملف أكبر من أن يُقرأ: { $limit }

## الأوراق

sheet-not-a-worksheet = { $kind ->
        [chart] ورقة رسم بياني
        [macro] ورقة وحدات ماكرو
       *[dialog] ورقة حوار
    } لا تحتوي على أسطر للقراءة: تم تجاهلها
sheet-unreadable = تتعذر قراءة هذه الورقة بعد الأسطر التي قُرئت: { $cause }؛ تُقرأ أوراق الملف الأخرى
sheet-no-header-forced = يعيّن bilan.toml هذه الورقة على أنها «{ $dataset }» لكن لم يُعثر على سطر عناوين لمجموعة المعطيات هذه
sheet-unrecognized = لا يسمّي أي سطر من الأسطر الثلاثين الأولى الأعمدة الإلزامية لمجموعة معطيات؛ تم تجاهل الورقة
sheet-unrecognized-closest = لا يسمّي أي سطر من الأسطر الثلاثين الأولى الأعمدة الإلزامية لمجموعة معطيات (الأقرب: «{ $dataset }» في السطر { $row }، وينقصه عمود لـ { $missing })؛ تم تجاهل الورقة
sheet-value-lists = تبدو الورقة قوائم قيم ({ $columns }) لا سجلًا من نوع «{ $dataset }»: ليس فيها عمود تواريخ أو أعداد وتسمّي كل قيمة مرة واحدة؛ تم تجاهل الورقة
missing-column = تشبه الورقة مجموعة المعطيات «{ $dataset }» لكن ليس فيها عمود للحقل الإلزامي «{ $field }»؛ رُفضت أسطرها
duplicate-column = عمود ثانٍ يسمّي الحقل «{ $field }»؛ لا يُقرأ إلا الأول
header-by-meaning = لا يسمّي أي عنوان الحقل «{ $field }» كما هو مكتوب؛ قُرئ «{ $header }» على أنه هو بحسب معناه: تحققوا من ذلك (للتأكيد أضيفوا [aliases.{ $dataset }] { $field } = ["{ $header }"] إلى bilan.toml)
header-ambiguous = قد يعني كل من { $names } الحقل «{ $field }»: لم يُقرأ أي منهما على أنه هو؛ سمّوا الصحيح في bilan.toml، مثلًا [aliases.{ $dataset }] { $field } = ["{ $first }"]

## الخلايا والأسطر

cell-error = تحتوي الخلية على قيمة الخطأ { $value }
missing-value = العمود الإلزامي «{ $header }» فارغ
invalid-date = «{ $value }» ليس تاريخًا
invalid-date-serial = { $value } ليس رقمًا تسلسليًا لتاريخ
invalid-number = «{ $value }» ليس عددًا
invalid-boolean = «{ $value }» ليس نعم ولا لا
negative-value = لا يمكن أن يكون «{ $header }» سالبًا
not-an-integer = يجب أن يكون «{ $header }» عددًا صحيحًا
women-above-participants = { $women } امرأة من أصل { $participants } مشاركًا: أُفرغ «{ $header }»
end-before-start = تاريخ النهاية سابق لتاريخ البداية؛ أُفرغ
unknown-activity-type = «{ $value }» ليس نوع نشاط معروفًا؛ احتُفظ به فئةً قائمة بذاتها
hours-not-positive = يجب أن يكون «{ $header }» أكبر من 0، لا { $value }
satisfaction-out-of-range = يجب أن يكون الرضا بين 1 و5، لا { $value }؛ أُفرغ
unknown-indicator = «{ $value }» لا يسمّي أي مؤشر في الفهرس
unknown-category = «{ $value }» ليست قيمة معروفة للعمود «{ $header }» (المعروفة: { $known })؛ لقراءتها على أنها إحداها أضيفوها إلى أسماء تلك القيمة البديلة في bilan.toml، مثلًا [categories.{ $kind }.{ $code }] fr = "{ $fr }", en = "{ $en }", aliases = ["{ $value }"]
category-by-meaning = قُرئت «{ $value }» على أنها «{ $label }» («{ $code }») بحسب معناها؛ يُبلَّغ عنها مرة واحدة لهذا الملف
total-row = سطر المجموع ليس معطى؛ تم تجاهله
duplicate-id = هذا المعرّف مستعمل من قبل هذه السنة في السطر { $row }؛ لا يُحتسب إلا السطر الأول
duplicate-registration = هذا المشارك مسجّل من قبل في هذه الدورة في السطر { $row }؛ لا يُحتسب إلا السطر الأول
conflicting-hours = تختلف الساعات عن ساعات السطر الأول للدورة (السطر { $row })؛ يحتفظ كل سطر بساعاته

## الملفات والتشغيل

no-data-unrecognized = لم تُعرف أي ورقة من { $files ->
        [one] الملف المقروء
       *[other] الملفات المقروءة ({ $files })
    } على أنها مجموعة معطيات (أنشطة أو تكوينات أو أهداف): لا شيء للتقرير؛ تحققوا من المسارات، أو سمّوا الأوراق في bilan.toml
no-data-year = لا تحتوي المعطيات على أي نشاط أو تسجيل أو هدف لسنة { $year }: لا شيء للتقرير عن هذه السنة
duplicate-file = هذا الملف نسخة من { $first } (البايتات نفسها): لا يُقرأ مرة أخرى
overlapping-files = يشترك هذا الملف في { $shared } من { $of } { $what ->
        [ids] معرّفات أنشطته
       *[registrations] تسجيلاته
    } ({ $share }٪) مع { $first }: نسختان من المصنف نفسه؟ لا تُحتسب إلا الأسطر الأولى؛ احذفوا الملف الأقدم
left-out = { $why ->
        [not-a-file] ليس ملفًا عاديًا (أنبوب أو مقبس أو جهاز): تم تجاهله
        [broken-link] رابط رمزي لا يؤدي إلى أي شيء: تم تجاهله
        [folder-link] رابط رمزي إلى مجلد: لم يُتبع (أعطوا المجلد نفسه لقراءته)
        [loop] مجلد صودف مرة أخرى داخل نفسه: لا يُقرأ مرتين
        [earlier-report] تقرير كتبه bilan (يحتوي على ملف manifest.json الخاص به): ملفاته مخرجات لا مدخلات؛ تم تجاهله
       *[run-output] مجلد مخرجات هذا التشغيل: تم تجاهله
    }
