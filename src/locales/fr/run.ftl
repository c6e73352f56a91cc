# Ce que bilan dit d’une exécution sur la sortie d’erreur, et le résumé de `check`.

issues-summary = { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $infos ->
        [one] { $infos } information
       *[other] { $infos } informations
    }
run-wrote = { $dir } écrit ({ $summary } dans les données)
run-has-errors = les données contiennent des erreurs ; le rapport a été écrit sans les lignes rejetées (voir data-issues.csv)
run-nothing-written = aucun fichier n’a été écrit
stage-reading = lecture des fichiers…
stage-indicators = calcul des indicateurs…
stage-writing = écriture du rapport…
progress-rows = lignes
