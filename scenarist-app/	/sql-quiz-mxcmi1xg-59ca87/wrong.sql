-- Plausible mistake: an inner join silently drops the rooms with no June check-in.
SELECT r.number AS room,
       SUM(CAST(julianday(v.check_out) - julianday(v.check_in) AS INTEGER)) AS nights
FROM rooms AS r
JOIN reservations AS v ON v.room_number = r.number
WHERE v.check_in >= '2024-06-01'
  AND v.check_in <  '2024-07-01'
GROUP BY r.number
ORDER BY r.number;
