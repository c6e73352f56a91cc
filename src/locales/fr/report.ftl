# Les mots du bilan : rapport HTML et Markdown, graphiques, classeur report.xlsx, exports CSV.

## Nombres et dates (bilan écrit les chiffres ; le catalogue donne les marques)
number-decimal-mark = ,
number-group-mark = { "\u00A0" }
number-percent = { $number }{ "\u00A0" }%
number-points = { $points ->
        [one] { $number }{ "\u00A0" }pt
       *[other] { $number }{ "\u00A0" }pts
    }
date = { $day }/{ $month }/{ $year }

## Rapport
report-title = Bilan annuel du plan d'action { $year }
report-prepared = Établi le { $date }.
report-key-indicators = Indicateurs clés
report-charts = Graphiques
report-tables = Tableaux détaillés
report-no-previous-year = Les données ne contiennent pas l'année { $year } : pas de comparaison.
report-without-month = { $count ->
        [one] 1 activité de { $year } est datée par son seul trimestre
       *[other] { $count } activités de { $year } sont datées par leur seul trimestre
    }
report-without-month-end = { $parts } : elles comptent dans le total et dans leur trimestre, pas dans les mois de ce tableau.
report-list-separator = { " ; " }
report-next-year = Programme { $year }
report-next-year-empty = Aucune activité n'est programmée en { $year } dans les données.
report-data-quality = Qualité des données
report-no-issue = Aucun problème relevé dans les données.
report-first-issues = Les { $shown } premiers problèmes (la liste complète est dans data-issues.csv) :
report-inputs = Fichiers lus
report-total = Total
report-table-by = { $indicator } par { $dimension }

## Statuts d'un indicateur (lisibles en noir et blanc)
status-met = ✔ atteint
status-close = ≈ proche
status-behind = ✘ en retard
status-none = – sans cible

## Gravité d'un problème
severity-error = erreur
severity-warning = avertissement
severity-info = information

## Titres de colonnes
column-indicator = Indicateur
column-code = Code
column-target = Cible
column-achievement = Atteinte
column-change = Évolution
column-status = Statut
column-severity = Gravité
column-file = Fichier
column-sheet = Feuille
column-row = Ligne
column-column = Colonne
column-header = En-tête
column-message = Message
column-example = Exemple (premier cas)
column-link = Lien
column-count = Nombre
column-dataset = Jeu de données
column-rows-kept = Lignes retenues
column-rejected = Rejetées
column-skipped = Ignorées
column-date = Date
column-title = Intitulé
column-partners = Partenaires
column-type = Type
column-quarter = Trimestre
column-month = Mois
column-axis = Axe
column-partner = Partenaire
column-program = Programme
column-organisation = Organisme
column-gender = Sexe
column-modality = Modalité
column-year = Année
column-project = Projet
column-location = Lieu
column-category = Catégorie
column-value = Valeur
column-scheduled = Programmées
column-realised = Réalisées
column-in_progress = En cours
column-planned = Prévues
column-postponed = Reportées
column-cancelled = Annulées
column-execution_rate = Taux de réalisation
column-participants = Participants
column-women = Dont femmes
column-realised_previous_year = Réalisées l'année précédente
column-sessions = Sessions
column-registrations = Inscriptions
column-trainees = Bénéficiaires
column-person_hours = Heures-personnes
column-attendance_rate = Taux de présence
column-average_satisfaction = Satisfaction moyenne
column-trainee_women_share = Part des femmes
column-hours_per_trainee = Heures par bénéficiaire
column-women_trainees = Bénéficiaires femmes
column-men_trainees = Bénéficiaires hommes
column-trainees_with_gender = Bénéficiaires de sexe connu

## Tableaux
table-activities_by_type = Activités par type
table-activities_by_quarter = Activités par trimestre
table-activities_by_month = Activités réalisées par mois
table-activities_by_axis = Activités par axe stratégique
table-activities_by_partner = Activités par partenaire
table-training_by_program = Formation par programme
table-training_by_organisation = Formation par organisme
table-training_by_gender = Formation par sexe
table-training_by_modality = Formation par modalité
table-next_year_by_type = Activités programmées l'année suivante, par type
table-trend = Évolution pluriannuelle

## Calendrier
quarter = T{ $quarter }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
unspecified = Non renseigné

## Graphiques
chart-titled = { $title } ({ $year })
chart-activities-by-type = Activités programmées et réalisées par type
chart-activities-by-quarter = Activités par trimestre
chart-activities-by-month = Activités réalisées par mois, { $year } et { $previous }
chart-execution-by-axis = Taux de réalisation par axe stratégique
chart-hours-by-program = Heures-personnes de formation par programme
chart-trainees-by-gender = Bénéficiaires formés par organisme et par sexe
chart-targets = Atteinte des cibles
chart-trend = Activités programmées et réalisées par année
chart-axis-activities = Nombre d'activités
chart-axis-activities-done = Activités réalisées
chart-axis-execution-rate = Taux de réalisation (%)
chart-axis-person-hours = Heures-personnes
chart-axis-trainees = Bénéficiaires
chart-axis-achievement = Atteinte de la cible (%)
chart-series-scheduled = Programmées
chart-series-done = Réalisées
chart-series-execution-rate = Taux de réalisation
chart-series-person-hours = Heures-personnes
chart-series-women = Femmes
chart-series-men = Hommes
chart-series-achievement = Atteinte
chart-target = Cible { $value }
chart-no-data = Graphique non tracé : aucune donnée pour cette année.
chart-no-gender = Graphique non tracé : le catalogue ne définit plus les indicateurs de bénéficiaires par sexe.
chart-no-target = Graphique non tracé : aucune cible n'est fixée pour cette année.

## Classeur report.xlsx
workbook-indicators = Indicateurs
workbook-issues = Problèmes
workbook-open = ouvrir

## Jeux de données
dataset-activities = Activités
dataset-training = Formation
dataset-targets = Cibles

## Synthèse (page 1) : des phrases écrites à partir des chiffres
report-summary = Synthèse
report-sections = Sections
summary-sources = Ce bilan couvre l'année { $year }. Il repose sur { $files ->
        [one] 1 fichier
       *[other] { $files_text } fichiers
    } et { $rows } lignes retenues : { $activities } activités, { $registrations } inscriptions aux formations et { $targets } cibles{ $organisations ->
        [0] .
       *[other] , pour { $organisations_text } organismes.
    }
summary-execution = { $case ->
        [both] { $realised } activités réalisées sur { $scheduled } programmées, soit un taux de réalisation de { $rate } pour une cible de { $target } ; { $points } par rapport à { $previous } (activités réalisées : { $change }).
        [target] { $realised } activités réalisées sur { $scheduled } programmées, soit un taux de réalisation de { $rate } pour une cible de { $target }.
        [change] { $realised } activités réalisées sur { $scheduled } programmées, soit un taux de réalisation de { $rate } ; { $points } par rapport à { $previous } (activités réalisées : { $change }).
       *[plain] { $realised } activités réalisées sur { $scheduled } programmées, soit un taux de réalisation de { $rate }.
    }
summary-statuses = Sur { $total } indicateurs dotés d'une cible, { $met ->
        [one] { $met } est atteint
       *[other] { $met } sont atteints
    }, { $close ->
        [one] { $close } en est proche
       *[other] { $close } en sont proches
    } et { $behind ->
        [one] { $behind } est en retard.
       *[other] { $behind } sont en retard.
    }
summary-furthest = Les plus éloignés de leur cible : { $list }.
summary-furthest-item = { $label } ({ $achievement } de la cible)
summary-all-met = Toutes les cibles sont atteintes.
summary-axes = Par axe stratégique, la réalisation va de { $low } ({ $low_axis }) à { $high } ({ $high_axis }).
summary-training = { $sessions ->
        [one] 1 session de formation a réuni
       *[other] { $sessions_text } sessions de formation ont réuni
    } { $trainees } bénéficiaires pour { $hours } heures-personnes de formation.
summary-training-quality = Taux de présence : { $attendance } ; satisfaction moyenne : { $satisfaction } sur 5 ; part des femmes parmi les bénéficiaires : { $women }.
summary-next-year = { $case ->
        [target] Le programme { $year } compte { $count_text } activités pour une cible de { $target } ; les plus nombreuses : { $types }.
       *[plain] Le programme { $year } compte { $count_text } activités ; les plus nombreuses : { $types }.
    }
summary-next-year-item = { $label } ({ $count_text })
summary-next-year-empty = Aucune activité n'est encore programmée pour { $year } dans les données.
summary-quality-none = Aucun problème n'a été relevé dans les données.
summary-quality = Qualité des données : { $summary } ; { $rejected ->
        [one] { $rejected_text } ligne écartée
       *[other] { $rejected_text } lignes écartées
    }. Le fichier le plus concerné est { $file } ({ $file_count_text } problèmes) ; le détail est en fin de rapport et dans data-issues.csv.

## Sections du corps et annexes
report-analysis = Analyse par axe et par organisme
report-analysis-axes = La réalisation par axe stratégique :
report-analysis-organisations = La formation par organisme :
report-next-year-summary = Répartition par type, par trimestre et par axe ; la liste complète est en annexe.
report-issues-by-file = Problèmes par fichier
report-issues-by-code = Problèmes par code
report-annexes = Annexes
report-annex-tables = Annexe A – Tableaux détaillés
report-annex-next-year = Annexe B – Activités programmées en { $year }
report-annex-inputs = Annexe C – Fichiers lus

## Noms des feuilles de report.xlsx (31 caractères au plus)
sheet-activities_by_type = Activités par type
sheet-activities_by_quarter = Activités par trimestre
sheet-activities_by_month = Activités par mois
sheet-activities_by_axis = Activités par axe
sheet-activities_by_partner = Activités par partenaire
sheet-training_by_program = Formation par programme
sheet-training_by_organisation = Formation par organisme
sheet-training_by_gender = Formation par sexe
sheet-training_by_modality = Formation par modalité
sheet-next_year_by_type = Programme suivant par type
sheet-trend = Évolution
sheet-trainees_by_organisation_gender = Bénéficiaires par sexe
