# تسميات الفئات المدمجة (SPEC 3): category-KIND-CODE.

category-activity_type-reunion = اجتماع
category-activity_type-atelier = ورشة
category-activity_type-journee_etude = يوم دراسي
category-activity_type-forum = منتدى
category-activity_type-colloque = ندوة علمية
category-activity_type-seminaire = حلقة دراسية
category-activity_type-programme_conjoint = برنامج مشترك
category-activity_type-appui_technique = دعم تقني
category-activity_type-formation = تكوين
category-activity_type-echange = تبادل المعلومات
category-activity_type-autre = أخرى
category-status-realise = منجز
category-status-en_cours = في طور الإنجاز
category-status-prevu = مبرمج
category-status-reporte = مؤجل
category-status-annule = ملغى
category-gender-F = نساء
category-gender-M = رجال
category-modality-presentiel = حضوري
category-modality-distance = عن بعد
category-modality-hybride = مختلط
