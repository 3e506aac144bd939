MATCH (i:Invitation {id: $id})
SET i.status = 'ACCEPTED', i.acceptedAt = datetime($now), i.userId = $userId
