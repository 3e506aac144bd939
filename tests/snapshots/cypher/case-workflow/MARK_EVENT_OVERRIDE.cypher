MATCH (e:CaseEvent {id: $eventId})
SET e.overrode = $overrode
