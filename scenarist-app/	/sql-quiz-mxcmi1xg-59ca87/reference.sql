-- Nights booked per room for stays checking in during June 2024, every room included.
-- The date test sits in the ON clause so rooms without a June check-in survive the LEFT JOIN with 0.
SELECT r.number AS room,
       COALESCE(SUM(CAST(julianday(v.check_out) - julianday(v.check_in) AS INTEGER)), 0) AS nights
FROM rooms AS r
LEFT JOIN reservations AS v
       ON v.room_number = r.number
      AND v.check_in >= '2024-06-01'
      AND v.check_in <  '2024-07-01'
GROUP BY r.number
ORDER BY r.number;
