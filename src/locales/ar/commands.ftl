# ما تقوله الأوامر: bilan inspect وbilan indicators وbilan init، والأخطاء التي توقف الأمر.

## bilan inspect
inspect-unreadable = تتعذر قراءته [{ $code }]: { $message }
inspect-sheet = الورقة «{ $name }»
inspect-hidden = { $sheet } (مخفية، مقروءة)
inspect-not-a-worksheet = { $sheet }: { $kind ->
        [chart] ورقة رسم بياني
        [macro] ورقة ماكرو
       *[dialog] ورقة حوار
    }، متجاوزة
inspect-dataset = { $sheet }: مجموعة المعطيات `{ $dataset }`، العناوين في السطر { $row }
inspect-no-dataset = { $sheet }: لم يُتعرف عليها كمجموعة معطيات
inspect-field = { $field } ({ $kind })
inspect-field-by-meaning = { $field } ({ $kind })، مقروء حسب المعنى: يرجى التحقق
inspect-target-column = هدف سنة { $year } (عدد)
inspect-ignored = (ليس حقلًا: متجاهَل)
inspect-rows = الأسطر تحت العناوين: { $read } = { $kept } معتمدة + { $rejected } مرفوضة + { $skipped } متجاوزة ({ $blank } فارغة، { $total } مجاميع، { $duplicate } مكررة)
inspect-issues = المشاكل: { $count }
inspect-more = … { $count } أخرى (bilan check { $file })
inspect-completion = لإتمام المطابقة، يمكن أن يتضمن bilan.toml:
inspect-or-one-of = أو أحد: { $names }
inspect-no-column-left = لا عمود متبقٍ لـ `{ $field }`: أضف عمودًا إلى الورقة
inspect-reader-said = (قال القارئ: { $detail })

## أنواع الأعمدة
field-kind-text = نص
field-kind-text-list = قائمة نصوص (مفصولة بـ ; أو بسطر جديد)
field-kind-date = تاريخ
field-kind-integer = عدد صحيح
field-kind-number = عدد
field-kind-activity-type = نوع النشاط
field-kind-status = الوضعية
field-kind-gender = الجنس (F/M)
field-kind-modality = الصيغة
field-kind-boolean = نعم/لا

## bilan indicators
listing-count = عدد أسطر { $dataset } في { $year }
listing-sum = مجموع { $field } في { $dataset } في { $year }
listing-distinct = عدد قيم { $field } المختلفة في { $dataset } في { $year }
listing-mean = متوسط { $field } في { $dataset } في { $year }
listing-where = { $definition } حيث { $conditions }
listing-and = { " و" }
listing-one-of = { $field } ضمن [{ $values }]
listing-filled = { $fields } مستوفى
listing-positive = { $fields } > 0
listing-building-block = { $id } (عنصر حساب)
listing-breakdowns = التوزيعات: { $dimensions }
listing-tables = الجداول:
listing-table = { $id } حسب { $dimension }: { $columns }

## bilan init
init-wrote = كُتب { $path }

## أخطاء توقف الأمر
fatal = خطأ: { $message }
warning = تنبيه: { $message }
error-no-year = لا تتضمن المعطيات أي نشاط منجز ولا أي تكوين متابَع، فلا توجد سنة لتقديمها؛ حدد --year
error-aggregation = فشل حساب المؤشرات: { $detail }
error-write = تتعذر كتابة { $path }: { $reason }
error-chart = يتعذر رسم الرسم البياني { $id }: { $detail }
error-manifest = تتعذر كتابة البيان: { $detail }
error-outside = رُفضت كتابة «{ $path }»: كل المخرجات تبقى داخل مجلد التقرير
error-workbook = يتعذر إنشاء report.xlsx: { $detail }
error-no-input = لا يوجد أي ملف للقراءة في { $paths }
error-no-sheet = لا يحتوي الملف على ورقة «{ $name }»؛ أوراقه هي: { $available }
error-missing-path = تتعذر قراءة { $path }: { $reason }
error-init-exists = { $path } موجود سلفًا؛ لا يكتب bilan init فوق الملفات
error-init-workbook = تتعذر كتابة المصنف النموذجي: { $detail }
error-config-read = تتعذر قراءة { $path }: { $reason }
error-config-parse = { $path } ليس ملف bilan.toml صالحًا:
    { $detail }
error-config-invalid = { $path }: { $problem }
error-catalog = فهرس المؤشرات: { $problem }

## أسباب رفض النظام
io-not-found = هذا الملف أو المجلد غير موجود
io-permission = الإذن مرفوض
io-exists = الملف موجود سلفًا
io-full = القرص ممتلئ
io-is-a-folder = إنه مجلد
io-not-a-folder = جزء من المسار ليس مجلدًا
io-other = { $detail }

## bilan.toml
config-lang = lang: «{ $value }» ليست fr ولا en ولا ar ولا قائمة منها (fr,ar)
config-aliases-dataset = [aliases.{ $dataset }]: ليست مجموعة معطيات (activities، training، targets)
config-aliases-field = [aliases.{ $dataset }] { $field }: ليس حقلًا من `{ $dataset }`
config-categories-kind = [categories.{ $kind }]: ليست activity_type ولا status ولا gender ولا modality
config-sheets-dataset = [[sheets]] رقم { $number }: مجموعة المعطيات «{ $dataset }» ليست activities ولا training ولا targets
config-status = [status]: يجب أن تكون `close` ({ $close }) بين 0 و`met` ({ $met })
config-data-glob = data: «{ $value }» ليس نمط مسارات صالحًا ({ $detail })

## فهرس المؤشرات
catalog-bad-id = المعرّف `{ $id }` غير مسموح به: المعرّف حرف لاتيني صغير متبوع بحروف صغيرة أو أرقام أو `_` (يسمّي ملف إخراج)
catalog-twice = المؤشر `{ $id }` معرّف مرتين
catalog-indicator = المؤشر `{ $id }`: { $problem }
catalog-indicator-key = المؤشر `{ $id }`، المفتاح `{ $key }`: { $problem }
catalog-table = الجدول `{ $id }`: { $problem }
catalog-not-a-dimension-of = `{ $dimension }` ليس بُعدًا من `{ $dataset }`
catalog-ratio-loop = نسبته تحيل إلى نفسه
catalog-bad-unit = «{ $value }» ليست إحدى الوحدات count، %، hours، MAD، score
catalog-bad-dimension = «{ $value }» ليس بُعدًا
catalog-ratio-alone = لا تأخذ النسبة dataset ولا measure ولا filter ولا year_offset
catalog-no-such-id = لا يوجد مؤشر بالمعرّف `{ $id }`
catalog-column-no-such-id = العمود `{ $column }`: لا يوجد مؤشر بالمعرّف `{ $id }`
catalog-bad-dataset = «{ $value }» ليست activities ولا training
catalog-dataset-and-ratio = للمؤشر إما dataset أو ratio، لا الاثنان معًا
catalog-no-dataset = يحتاج المؤشر إلى dataset (مع measure) أو إلى ratio
catalog-bad-direction = `direction` قيمتها `up` أو `down`، لا `{ $value }`
catalog-bad-measure = «{ $value }» ليست count ولا sum:FIELD ولا distinct:FIELD ولا mean:FIELD
catalog-not-a-field = `{ $field }` ليس حقلًا من `{ $dataset }`
catalog-not-a-number-field = `{ $field }` ليس حقلًا عدديًا
catalog-unknown-code = «{ $value }» ليس رمزًا معروفًا لـ `{ $field }`
catalog-not-text = { $value } ليس نصًا
catalog-not-boolean = { $value } ليست true ولا false
catalog-not-number = { $value } ليس عددًا

## تسميات ناقصة
missing-arabic-label = ليس للمؤشر `{ $id }` تسمية عربية (label.ar): يعرض التقرير العربي التسمية الفرنسية
missing-arabic-category = ليس للفئة `{ $code }` من [categories.{ $kind }] تسمية عربية (ar): يعرض التقرير العربي التسمية الفرنسية
