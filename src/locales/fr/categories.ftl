# Les libellés des catégories intégrées (SPEC 3) : category-TYPE-CODE.
# Les valeurs que bilan reconnaît dans les classeurs sont dans le code (alias) ; ici, ce qu’il écrit.

category-activity_type-reunion = Réunion
category-activity_type-atelier = Atelier
category-activity_type-journee_etude = Journée d'étude
category-activity_type-forum = Forum
category-activity_type-colloque = Colloque
category-activity_type-seminaire = Séminaire
category-activity_type-programme_conjoint = Programme conjoint
category-activity_type-appui_technique = Appui technique
category-activity_type-formation = Formation
category-activity_type-echange = Échange d'informations
category-activity_type-autre = Autre
category-status-realise = Réalisé
category-status-en_cours = En cours
category-status-prevu = Prévu
category-status-reporte = Reporté
category-status-annule = Annulé
category-gender-F = Femmes
category-gender-M = Hommes
category-modality-presentiel = Présentiel
category-modality-distance = À distance
category-modality-hybride = Hybride
