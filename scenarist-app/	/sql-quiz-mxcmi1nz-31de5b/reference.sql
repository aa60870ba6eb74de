-- Students carrying more than 10 credits in the 2024-FALL term.
SELECT s.name,
       SUM(c.credits) AS total_credits
FROM enrollments AS e
JOIN students AS s ON s.id = e.student_id
JOIN courses  AS c ON c.id = e.course_id
WHERE e.term = '2024-FALL'
GROUP BY s.id, s.name
HAVING SUM(c.credits) > 10
ORDER BY total_credits DESC, s.name;
