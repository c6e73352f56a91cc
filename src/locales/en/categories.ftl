# Labels of the built-in categories (SPEC 3): category-KIND-CODE.

category-activity_type-reunion = Meeting
category-activity_type-atelier = Workshop
category-activity_type-journee_etude = Study day
category-activity_type-forum = Forum
category-activity_type-colloque = Symposium
category-activity_type-seminaire = Seminar
category-activity_type-programme_conjoint = Joint programme
category-activity_type-appui_technique = Technical support
category-activity_type-formation = Training
category-activity_type-echange = Information exchange
category-activity_type-autre = Other
category-status-realise = Done
category-status-en_cours = In progress
category-status-prevu = Planned
category-status-reporte = Postponed
category-status-annule = Cancelled
category-gender-F = Women
category-gender-M = Men
category-modality-presentiel = In person
category-modality-distance = Remote
category-modality-hybride = Hybrid
