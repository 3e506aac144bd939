MATCH (k:Case {id: $caseId})
SET k.selfSubmitted = true, k.heardOf = $heardOf, k.submissionLanguage = $language,
    k.consentVersion = $consentVersion, k.consentText = $consentText, k.consentAt = datetime($now)
