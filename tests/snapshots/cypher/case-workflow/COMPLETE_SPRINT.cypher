MATCH (s:Sprint {id: $id})
SET s.status = 'COMPLETED', s.outcome = $outcome, s.smeRating = $smeRating, s.smeFeedback = $smeFeedback,
    s.teacherFeedback = $teacherFeedback, s.followUpWanted = $followUpWanted, s.completedAt = datetime($now)
