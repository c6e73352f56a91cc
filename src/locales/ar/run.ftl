# ما يقوله bilan عن التشغيل في مخرج الأخطاء، وملخص `check`.

issues-summary = { $errors ->
        [zero] لا أخطاء
        [one] خطأ واحد
        [two] خطآن
        [few] { $errors } أخطاء
        [many] { $errors } خطأً
       *[other] { $errors } خطأ
    }، { $warnings ->
        [zero] لا تحذيرات
        [one] تحذير واحد
        [two] تحذيران
        [few] { $warnings } تحذيرات
        [many] { $warnings } تحذيرًا
       *[other] { $warnings } تحذير
    }، { $infos ->
        [zero] لا معلومات
        [one] معلومة واحدة
        [two] معلومتان
        [few] { $infos } معلومات
        [many] { $infos } معلومةً
       *[other] { $infos } معلومة
    }
run-wrote = كُتب { $dir } ({ $summary } في المعطيات)
run-has-errors = تحتوي المعطيات على أخطاء؛ كُتب التقرير دون الأسطر المرفوضة (انظروا data-issues.csv)
run-nothing-written = لم يُكتب أي ملف
stage-reading = قراءة الملفات…
stage-indicators = حساب المؤشرات…
stage-writing = كتابة التقرير…
progress-rows = سطرًا
