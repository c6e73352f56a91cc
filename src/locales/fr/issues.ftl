# Messages des problèmes trouvés dans les données (data-issues.csv, check, rapport).
# Arguments toujours disponibles : $value (la valeur de la cellule), $header (l'en-tête de sa colonne).

## Fichiers qui ne peuvent pas être lus

read-empty = le fichier est vide
read-corrupt = le fichier est endommagé ou tronqué (sa structure est illisible) ; demandez-en une nouvelle copie, ou ouvrez-le et enregistrez-le à nouveau dans un tableur
read-old-excel = c’est un classeur Excel { $version }, un format antérieur à Excel 97 que bilan ne lit pas : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx
read-other-format = ce n’est pas un classeur .{ $extension } mais { $found ->
        [html] une page web (HTML)
        [pdf] un document PDF
        [xml2003] un classeur XML Excel 2003
        [xml] un fichier XML
        [text] un fichier texte (CSV ?)
        [word] un document Word
        [powerpoint] une présentation PowerPoint
        [zip] une archive zip
       *[other] un fichier d’un autre type
    } : enregistrez-le en .xlsx (ou .csv) depuis le programme qui l’a produit
read-codepage = les textes du classeur utilisent un jeu de caractères (page de codes { $page }) que bilan ne sait pas décoder : enregistrez-le en .xlsx
read-no-sheet = le classeur ne contient aucune feuille
read-unclosed-quote = un guillemet ouvert à la ligne { $line } n’est jamais fermé
read-invalid-utf8 = le fichier commence par une marque d’ordre d’octets UTF-8 mais contient de l’UTF-8 invalide à la ligne { $line }, champ { $field }
read-io = le fichier ne peut pas être ouvert : { $reason }
read-timed-out = la lecture de ce fichier a pris plus de { $seconds } s et a été arrêtée
read-reader-failed = la lecture de ce fichier a échoué de manière inattendue (le lecteur s’est arrêté) ; merci de le signaler
read-fast-path = une voie rapide du lecteur ne s’applique pas à ce classeur
read-unsupported = le format « .{ $extension } » n’est pas pris en charge
read-encrypted = le classeur est protégé par un mot de passe ou chiffré : ouvrez-le avec son mot de passe et enregistrez-le sans
too-large-cells = plus de { $max } cellules (limits.max_cells)
too-large-inflated = le classeur décompressé dépasse { $max } octets (limits.max_inflated_bytes)
too-large-parts = le classeur contient { $count } parties (limite { $max })
too-large-ratio = la partie { $part } se décompresse { $ratio } fois (une bombe zip ?)
too-large = fichier trop volumineux pour être lu : { $limit }

## Feuilles

sheet-not-a-worksheet = { $kind ->
        [chart] une feuille de graphique
        [macro] une feuille de macros
       *[dialog] une feuille de dialogue
    } ne contient pas de lignes à lire : ignorée
sheet-unreadable = cette feuille ne peut pas être lue au-delà des lignes déjà lues : { $cause } ; les autres feuilles du fichier sont lues
sheet-no-header-forced = bilan.toml désigne cette feuille comme « { $dataset } », mais aucune ligne d’en-tête de ce jeu de données n’a été trouvée
sheet-unrecognized = aucune des 30 premières lignes ne nomme les colonnes obligatoires d’un jeu de données ; la feuille est ignorée
sheet-unrecognized-closest = aucune des 30 premières lignes ne nomme les colonnes obligatoires d’un jeu de données (le plus proche : « { $dataset } » à la ligne { $row }, à qui il manque une colonne pour { $missing }) ; la feuille est ignorée
sheet-value-lists = la feuille ressemble à des listes de valeurs ({ $columns }), pas à un registre « { $dataset } » : elle n’a aucune colonne de dates ou de nombres et nomme chaque valeur une fois ; la feuille est ignorée
missing-column = la feuille ressemble au jeu de données « { $dataset } » mais n’a pas de colonne pour le champ obligatoire « { $field } » ; ses lignes sont rejetées
duplicate-column = une deuxième colonne nomme le champ « { $field } » ; seule la première est lue
header-by-meaning = aucun en-tête ne nomme « { $field } » tel quel ; « { $header } » est lu comme tel, par son sens : vérifiez-le (pour le confirmer, ajoutez [aliases.{ $dataset }] { $field } = ["{ $header }"] à bilan.toml)
header-ambiguous = { $names } pourraient chacun désigner « { $field } » : aucun n’est lu comme tel ; nommez le bon dans bilan.toml, par exemple [aliases.{ $dataset }] { $field } = ["{ $first }"]

## Cellules et lignes

cell-error = la cellule contient la valeur d’erreur { $value }
missing-value = la colonne obligatoire « { $header } » est vide
invalid-date = « { $value } » n’est pas une date
invalid-date-serial = { $value } n’est pas un numéro de série de date
invalid-number = « { $value } » n’est pas un nombre
invalid-boolean = « { $value } » n’est ni oui ni non
negative-value = « { $header } » ne peut pas être négatif
not-an-integer = « { $header } » doit être un nombre entier
women-above-participants = { $women } femmes sur { $participants } participants : « { $header } » est vidé
end-before-start = la date de fin est antérieure à la date de début ; elle est vidée
unknown-activity-type = « { $value } » n’est pas un type d’activité connu ; il est gardé comme catégorie à part
hours-not-positive = « { $header } » doit être supérieur à 0, pas { $value }
satisfaction-out-of-range = la satisfaction doit être comprise entre 1 et 5, pas { $value } ; elle est vidée
unknown-indicator = « { $value } » ne nomme aucun indicateur du catalogue
unknown-category = « { $value } » n’est pas une valeur connue de « { $header } » (connues : { $known }) ; pour la lire comme l’une d’elles, ajoutez-la aux alias de cette valeur dans bilan.toml, par exemple [categories.{ $kind }.{ $code }] fr = "{ $fr }", en = "{ $en }", aliases = ["{ $value }"]
category-by-meaning = « { $value } » est lu comme « { $label } » (« { $code } ») par son sens ; signalé une fois pour ce fichier
total-row = une ligne de total n’est pas une donnée ; elle est ignorée
duplicate-id = cet identifiant est déjà utilisé cette année à la ligne { $row } ; seule la première ligne compte
duplicate-registration = ce participant est déjà inscrit à cette session à la ligne { $row } ; seule la première ligne compte
conflicting-hours = les heures diffèrent de celles de la première ligne de la session (ligne { $row }) ; chaque ligne garde les siennes

## Fichiers et exécution

no-data-unrecognized = aucune feuille { $files ->
        [one] du fichier lu
       *[other] des { $files } fichiers lus
    } n’a été reconnue comme un jeu de données (activités, formations ou cibles) : rien à rapporter ; vérifiez les chemins, ou nommez les feuilles dans bilan.toml
no-data-year = les données ne contiennent aucune activité, inscription ou cible de { $year } : rien à rapporter pour cette année
duplicate-file = ce fichier est une copie de { $first } (mêmes octets) : il n’est pas relu
overlapping-files = ce fichier partage { $shared } { $what ->
        [ids] de ses { $of } identifiants d’activité
       *[registrations] de ses { $of } inscriptions
    } ({ $share } %) avec { $first } : deux versions d’un même classeur ? Seules les premières lignes comptent ; retirez le fichier le plus ancien
left-out = { $why ->
        [not-a-file] pas un fichier ordinaire (un tube, une socket ou un périphérique) : ignoré
        [broken-link] un lien symbolique qui ne mène nulle part : ignoré
        [folder-link] un lien symbolique vers un dossier : non suivi (donnez le dossier lui-même pour le lire)
        [loop] un dossier rencontré à nouveau en lui-même : pas lu deux fois
        [earlier-report] un rapport écrit par bilan (il contient son manifest.json) : ses fichiers sont des sorties, pas des entrées ; ignoré
       *[run-output] le dossier de sortie de cette exécution : ignoré
    }
