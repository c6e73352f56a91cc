# Ce que disent les commandes : bilan inspect, bilan indicators, bilan init, et les erreurs qui
# arrêtent une commande (configuration, fichiers, écriture).

## bilan inspect
inspect-unreadable = illisible [{ $code }] : { $message }
inspect-sheet = feuille « { $name } »
inspect-hidden = { $sheet } (masquée, lue)
inspect-not-a-worksheet = { $sheet } : { $kind ->
        [chart] feuille de graphique
        [macro] feuille de macros
       *[dialog] feuille de dialogue
    }, ignorée
inspect-dataset = { $sheet } : jeu de données `{ $dataset }`, en-tête à la ligne { $row }
inspect-no-dataset = { $sheet } : pas reconnue comme un jeu de données
inspect-field = { $field } ({ $kind })
inspect-field-by-meaning = { $field } ({ $kind }), lue par le sens : à vérifier
inspect-target-column = cible de { $year } (nombre)
inspect-ignored = (pas un champ : ignorée)
inspect-rows = lignes sous l'en-tête : { $read } = { $kept } retenues + { $rejected } rejetées + { $skipped } ignorées ({ $blank } vides, { $total } de total, { $duplicate } en double)
inspect-issues = problèmes : { $count }
inspect-more = … { $count } de plus (bilan check { $file })
inspect-completion = pour compléter la correspondance, bilan.toml pourrait dire :
inspect-or-one-of = ou l'un de : { $names }
inspect-no-column-left = aucune colonne restante pour `{ $field }` : ajoutez-en une à la feuille
inspect-reader-said = (le lecteur a dit : { $detail })

## Types de colonnes
field-kind-text = texte
field-kind-text-list = liste de textes (séparés par ; ou un retour à la ligne)
field-kind-date = date
field-kind-integer = entier
field-kind-number = nombre
field-kind-activity-type = type d'activité
field-kind-status = statut
field-kind-gender = sexe (F/M)
field-kind-modality = modalité
field-kind-boolean = oui/non

## bilan indicators
listing-count = nombre de lignes de { $dataset } en { $year }
listing-sum = somme de { $field } sur { $dataset } en { $year }
listing-distinct = nombre de { $field } distincts dans { $dataset } en { $year }
listing-mean = moyenne de { $field } sur { $dataset } en { $year }
listing-where = { $definition } où { $conditions }
listing-and = { " et " }
listing-one-of = { $field } parmi [{ $values }]
listing-filled = { $fields } renseigné
listing-positive = { $fields } > 0
listing-building-block = { $id } (élément de calcul)
listing-breakdowns = ventilations : { $dimensions }
listing-tables = tableaux :
listing-table = { $id } par { $dimension } : { $columns }

## bilan init
init-wrote = { $path } écrit

## Erreurs qui arrêtent une commande
fatal = erreur : { $message }
warning = avertissement : { $message }
error-no-year = les données ne contiennent aucune activité réalisée ni formation suivie : il n'y a pas d'année à présenter ; précisez --year
error-aggregation = le calcul des indicateurs a échoué : { $detail }
error-write = impossible d'écrire { $path } : { $reason }
error-chart = impossible de dessiner le graphique { $id } : { $detail }
error-manifest = impossible d'écrire le manifeste : { $detail }
error-outside = écriture de « { $path } » refusée : tout reste dans le dossier du rapport
error-workbook = impossible de construire report.xlsx : { $detail }
error-no-input = aucun fichier à lire dans { $paths }
error-no-sheet = le fichier n'a pas de feuille « { $name } » ; ses feuilles sont : { $available }
error-missing-path = impossible de lire { $path } : { $reason }
error-init-exists = { $path } existe déjà ; bilan init n'écrase pas de fichier
error-init-workbook = impossible d'écrire le classeur modèle : { $detail }
error-config-read = impossible de lire { $path } : { $reason }
error-config-parse = { $path } n'est pas un bilan.toml valide :
    { $detail }
error-config-invalid = { $path } : { $problem }
error-catalog = catalogue d'indicateurs : { $problem }

## Causes d'un refus du système
io-not-found = ce fichier ou dossier n'existe pas
io-permission = permission refusée
io-exists = le fichier existe déjà
io-full = le disque est plein
io-is-a-folder = c'est un dossier
io-not-a-folder = un élément du chemin n'est pas un dossier
io-other = { $detail }

## bilan.toml
config-lang = lang : « { $value } » n'est ni fr, ni en, ni ar, ni une liste de ces langues (fr,ar)
config-aliases-dataset = [aliases.{ $dataset }] : ce n'est pas un jeu de données (activities, training, targets)
config-aliases-field = [aliases.{ $dataset }] { $field } : ce n'est pas un champ de `{ $dataset }`
config-categories-kind = [categories.{ $kind }] : ce n'est ni activity_type, ni status, ni gender, ni modality
config-sheets-dataset = [[sheets]] n° { $number } : le jeu de données « { $dataset } » n'est ni activities, ni training, ni targets
config-status = [status] : `close` ({ $close }) doit être entre 0 et `met` ({ $met })
config-data-glob = data : « { $value } » n'est pas un motif de chemins valide ({ $detail })

## Catalogue d'indicateurs
catalog-bad-id = l'identifiant { $what ->
        [table] de tableau
       *[indicator] d'indicateur
    } `{ $id }` n'est pas permis : un identifiant est une lettre minuscule suivie de lettres minuscules, de chiffres ou de `_` (il nomme un fichier de sortie)
catalog-twice = l'indicateur `{ $id }` est défini deux fois
catalog-indicator = indicateur `{ $id }` : { $problem }
catalog-indicator-key = indicateur `{ $id }`, clé `{ $key }` : { $problem }
catalog-table = tableau `{ $id }` : { $problem }
catalog-not-a-dimension-of = `{ $dimension }` n'est pas une dimension de `{ $dataset }`
catalog-ratio-loop = son ratio renvoie à lui-même
catalog-bad-unit = « { $value } » n'est pas l'une des unités count, %, hours, MAD, score
catalog-bad-dimension = « { $value } » n'est pas une dimension
catalog-ratio-alone = un ratio ne prend ni dataset, ni measure, ni filter, ni year_offset
catalog-no-such-id = aucun indicateur n'a l'identifiant `{ $id }`
catalog-column-no-such-id = colonne `{ $column }` : aucun indicateur n'a l'identifiant `{ $id }`
catalog-bad-dataset = « { $value } » n'est ni activities ni training
catalog-dataset-and-ratio = un indicateur a soit un dataset, soit un ratio, pas les deux
catalog-no-dataset = un indicateur a besoin d'un dataset (avec une measure) ou d'un ratio
catalog-bad-direction = `direction` vaut `up` ou `down`, pas `{ $value }`
catalog-bad-measure = « { $value } » n'est ni count, ni sum:CHAMP, ni distinct:CHAMP, ni mean:CHAMP
catalog-not-a-field = `{ $field }` n'est pas un champ de `{ $dataset }`
catalog-not-a-number-field = `{ $field }` n'est pas un champ numérique
catalog-unknown-code = « { $value } » n'est pas un code connu de `{ $field }`
catalog-not-text = { $value } n'est pas un texte
catalog-not-boolean = { $value } n'est ni true ni false
catalog-not-number = { $value } n'est pas un nombre

## Libellés manquants
missing-arabic-label = l'indicateur `{ $id }` n'a pas de libellé arabe (label.ar) : le rapport arabe montre le libellé français
missing-arabic-category = la catégorie `{ $code }` de [categories.{ $kind }] n'a pas de libellé arabe (ar) : le rapport arabe montre le libellé français
