# كلمات الحصيلة: التقرير، الرسوم البيانية، المصنف report.xlsx، تسميات ملفات CSV.
# الأرقام غربية (0-9) كما تكتبها الإدارة المغربية، بالفاصلة العشرية والفاصل الفرنسيين.

## الأرقام والتواريخ
number-decimal-mark = ,
number-group-mark = { "\u00A0" }
number-percent = { $number }{ "\u00A0" }%
number-points = { $number }{ "\u00A0" }نقطة
date = { $day }/{ $month }/{ $year }

## التقرير
report-title = الحصيلة السنوية لمخطط العمل { $year }
report-prepared = أُعدّ بتاريخ { $date }.
report-key-indicators = المؤشرات الرئيسية
report-charts = الرسوم البيانية
report-tables = الجداول التفصيلية
report-no-previous-year = لا تتضمن المعطيات سنة { $year }: لا مقارنة.
report-without-month = { $count ->
        [zero] لا نشاط من سنة { $year } مؤرخ بفصله فقط
        [one] نشاط واحد من سنة { $year } مؤرخ بفصله فقط
        [two] نشاطان من سنة { $year } مؤرخان بفصلهما فقط
        [few] { $count } أنشطة من سنة { $year } مؤرخة بفصلها فقط
       *[other] { $count } نشاطًا من سنة { $year } مؤرخة بفصلها فقط
    }
report-without-month-end = { $parts }: تُحتسب في المجموع وفي فصلها، لا في أشهر هذا الجدول.
report-list-separator = { "؛ " }
report-next-year = برنامج { $year }
report-next-year-empty = لا تتضمن المعطيات أي نشاط مبرمج في { $year }.
report-data-quality = جودة المعطيات
report-no-issue = لم تُرصد أي مشكلة في المعطيات.
report-first-issues = أول { $shown } مشكلة (القائمة الكاملة في data-issues.csv):
report-inputs = الملفات المقروءة
report-total = المجموع
report-table-by = { $indicator } حسب { $dimension }

## وضعية المؤشر
status-met = ✔ محقق
status-close = ≈ قريب
status-behind = ✘ متأخر
status-none = – بدون هدف

## درجة خطورة المشكلة
severity-error = خطأ
severity-warning = تنبيه
severity-info = معلومة

## عناوين الأعمدة
column-indicator = المؤشر
column-code = الرمز
column-target = الهدف
column-achievement = نسبة التحقق
column-change = التطور
column-status = الوضعية
column-severity = الخطورة
column-file = الملف
column-sheet = الورقة
column-row = السطر
column-column = العمود
column-header = العنوان
column-message = الرسالة
column-example = مثال (الحالة الأولى)
column-link = الرابط
column-count = العدد
column-dataset = مجموعة المعطيات
column-rows-kept = الأسطر المعتمدة
column-rejected = المرفوضة
column-skipped = المتجاوزة
column-date = التاريخ
column-title = العنوان
column-partners = الشركاء
column-type = النوع
column-quarter = الفصل
column-month = الشهر
column-axis = المحور
column-partner = الشريك
column-program = البرنامج
column-organisation = الهيئة
column-gender = الجنس
column-modality = الصيغة
column-year = السنة
column-project = المشروع
column-location = المكان
column-category = الفئة
column-value = القيمة
column-scheduled = المبرمجة
column-realised = المنجزة
column-in_progress = في طور الإنجاز
column-planned = المتوقعة
column-postponed = المؤجلة
column-cancelled = الملغاة
column-execution_rate = نسبة الإنجاز
column-participants = المشاركون
column-women = منهم نساء
column-realised_previous_year = المنجزة في السنة السابقة
column-sessions = الدورات
column-registrations = التسجيلات
column-trainees = المستفيدون
column-person_hours = ساعات-الأشخاص
column-attendance_rate = نسبة الحضور
column-average_satisfaction = متوسط الرضا
column-trainee_women_share = حصة النساء
column-hours_per_trainee = الساعات لكل مستفيد
column-women_trainees = المستفيدات
column-men_trainees = المستفيدون الذكور
column-trainees_with_gender = المستفيدون معروفو الجنس

## الجداول
table-activities_by_type = الأنشطة حسب النوع
table-activities_by_quarter = الأنشطة حسب الفصل
table-activities_by_month = الأنشطة المنجزة حسب الشهر
table-activities_by_axis = الأنشطة حسب المحور الاستراتيجي
table-activities_by_partner = الأنشطة حسب الشريك
table-training_by_program = التكوين حسب البرنامج
table-training_by_organisation = التكوين حسب الهيئة
table-training_by_gender = التكوين حسب الجنس
table-training_by_modality = التكوين حسب الصيغة
table-next_year_by_type = الأنشطة المبرمجة للسنة الموالية حسب النوع
table-trend = التطور على مدى السنوات

## التقويم
quarter = الفصل { $quarter }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = ماي
month-6 = يونيو
month-7 = يوليوز
month-8 = غشت
month-9 = شتنبر
month-10 = أكتوبر
month-11 = نونبر
month-12 = دجنبر
unspecified = غير محدد

## الرسوم البيانية
chart-titled = { $title } ({ $year })
chart-activities-by-type = الأنشطة المبرمجة والمنجزة حسب النوع
chart-activities-by-quarter = الأنشطة حسب الفصل
chart-activities-by-month = الأنشطة المنجزة حسب الشهر، { $year } و{ $previous }
chart-execution-by-axis = نسبة الإنجاز حسب المحور الاستراتيجي
chart-hours-by-program = ساعات-الأشخاص في التكوين حسب البرنامج
chart-trainees-by-gender = المستفيدون من التكوين حسب الهيئة والجنس
chart-targets = تحقق الأهداف
chart-trend = الأنشطة المبرمجة والمنجزة حسب السنة
chart-axis-activities = عدد الأنشطة
chart-axis-activities-done = الأنشطة المنجزة
chart-axis-execution-rate = نسبة الإنجاز (%)
chart-axis-person-hours = ساعات-الأشخاص
chart-axis-trainees = المستفيدون
chart-axis-achievement = نسبة تحقق الهدف (%)
chart-series-scheduled = المبرمجة
chart-series-done = المنجزة
chart-series-execution-rate = نسبة الإنجاز
chart-series-person-hours = ساعات-الأشخاص
chart-series-women = نساء
chart-series-men = رجال
chart-series-achievement = نسبة التحقق
chart-target = الهدف { $value }
chart-no-data = لم يُرسم الرسم البياني: لا معطيات لهذه السنة.
chart-no-gender = لم يُرسم الرسم البياني: لم يعد الفهرس يعرّف مؤشرات المستفيدين حسب الجنس.
chart-no-target = لم يُرسم الرسم البياني: لم يُحدد أي هدف لهذه السنة.

## المصنف report.xlsx
workbook-indicators = المؤشرات
workbook-issues = المشاكل
workbook-open = فتح

## مجموعات المعطيات
dataset-activities = الأنشطة
dataset-training = التكوين
dataset-targets = الأهداف

## الخلاصة (الصفحة الأولى): جمل تُكتب انطلاقًا من الأرقام
report-summary = الخلاصة
report-sections = الأقسام
summary-sources = تغطي هذه الحصيلة سنة { $year }. وهي تستند إلى الملفات المقروءة ({ $files_text }) وإلى { $rows } سطرًا معتمدًا: الأنشطة ({ $activities })، والتسجيلات في التكوين ({ $registrations })، والأهداف ({ $targets }){ $organisations ->
        [0] .
       *[other] ، لعدد من الهيئات يبلغ { $organisations_text }.
    }
summary-execution = { $case ->
        [both] الأنشطة المنجزة: { $realised } من أصل { $scheduled } مبرمجة، أي نسبة إنجاز { $rate } مقابل هدف { $target }؛ التغير مقارنة بسنة { $previous }: { $points } (الأنشطة المنجزة: { $change }).
        [target] الأنشطة المنجزة: { $realised } من أصل { $scheduled } مبرمجة، أي نسبة إنجاز { $rate } مقابل هدف { $target }.
        [change] الأنشطة المنجزة: { $realised } من أصل { $scheduled } مبرمجة، أي نسبة إنجاز { $rate }؛ التغير مقارنة بسنة { $previous }: { $points } (الأنشطة المنجزة: { $change }).
       *[plain] الأنشطة المنجزة: { $realised } من أصل { $scheduled } مبرمجة، أي نسبة إنجاز { $rate }.
    }
summary-statuses = المؤشرات ذات الهدف: { $total }؛ المتحققة: { $met }، القريبة من الهدف: { $close }، المتأخرة: { $behind }.
summary-furthest = الأبعد عن أهدافها: { $list }.
summary-furthest-item = { $label } ({ $achievement } من الهدف)
summary-all-met = تحققت جميع الأهداف.
summary-axes = حسب المحور الاستراتيجي، تتراوح نسبة الإنجاز بين { $low } ({ $low_axis }) و{ $high } ({ $high_axis }).
summary-training = دورات التكوين: { $sessions_text }؛ المستفيدون: { $trainees }؛ ساعات التكوين للأشخاص: { $hours }.
summary-training-quality = نسبة الحضور: { $attendance }؛ متوسط الرضا: { $satisfaction } من 5؛ نسبة النساء بين المستفيدين: { $women }.
summary-next-year = { $case ->
        [target] برنامج سنة { $year }: { $count_text } نشاطًا مقابل هدف { $target }؛ الأكثر عددًا: { $types }.
       *[plain] برنامج سنة { $year }: { $count_text } نشاطًا؛ الأكثر عددًا: { $types }.
    }
summary-next-year-item = { $label } ({ $count_text })
summary-next-year-empty = لا يوجد في البيانات بعدُ أي نشاط مبرمج لسنة { $year }.
summary-quality-none = لم تُرصد أي مشكلة في البيانات.
summary-quality = جودة البيانات: { $summary }؛ الأسطر المستبعدة: { $rejected_text }. الملف الأكثر مشاكل هو { $file } ({ $file_count_text })؛ التفاصيل في آخر التقرير وفي data-issues.csv.

## أقسام المتن والملاحق
report-analysis = حسب المحور وحسب الهيئة
report-analysis-axes = الإنجاز حسب المحور الاستراتيجي:
report-analysis-organisations = التكوين حسب الهيئة:
report-next-year-summary = التوزيع حسب النوع والفصل والمحور؛ القائمة الكاملة في الملاحق.
report-issues-by-file = المشاكل حسب الملف
report-issues-by-code = المشاكل حسب الرمز
report-annexes = الملاحق
report-annex-tables = الملحق أ – الجداول المفصلة
report-annex-next-year = الملحق ب – الأنشطة المبرمجة في سنة { $year }
report-annex-inputs = الملحق ج – الملفات المقروءة

## أسماء أوراق report.xlsx (31 حرفًا على الأكثر)
sheet-activities_by_type = الأنشطة حسب النوع
sheet-activities_by_quarter = الأنشطة حسب الفصل
sheet-activities_by_month = الأنشطة حسب الشهر
sheet-activities_by_axis = الأنشطة حسب المحور
sheet-activities_by_partner = الأنشطة حسب الشريك
sheet-training_by_program = التكوين حسب البرنامج
sheet-training_by_organisation = التكوين حسب الهيئة
sheet-training_by_gender = التكوين حسب الجنس
sheet-training_by_modality = التكوين حسب الصيغة
sheet-next_year_by_type = البرنامج المقبل حسب النوع
sheet-trend = التطور
sheet-trainees_by_organisation_gender = المستفيدون حسب الجنس
