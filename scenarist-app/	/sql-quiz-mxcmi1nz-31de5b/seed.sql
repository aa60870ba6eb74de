INSERT INTO students (id, name, major) VALUES
  (1, 'Aisha Bello',    'computer science'),
  (2, 'Ben Carter',     'mathematics'),
  (3, 'Chloe Dubois',   'history'),
  (4, 'Diego Fernandez','computer science'),
  (5, 'Eva Novak',      'biology');

INSERT INTO courses (id, code, title, credits) VALUES
  (1, 'CS101',   'Introduction to Programming', 4),
  (2, 'CS220',   'Databases',                   4),
  (3, 'MATH201', 'Linear Algebra',              3),
  (4, 'HIST110', 'World History',               3),
  (5, 'BIO150',  'Cell Biology',                4),
  (6, 'PE100',   'Physical Education',          1);

INSERT INTO enrollments (student_id, course_id, term, grade) VALUES
  (1, 1, '2024-SPRING', 'A'),
  (1, 2, '2024-FALL',   NULL),
  (1, 3, '2024-FALL',   NULL),
  (1, 5, '2024-FALL',   NULL),
  (2, 3, '2024-FALL',   NULL),
  (2, 2, '2024-FALL',   NULL),
  (2, 4, '2024-FALL',   NULL),
  (3, 4, '2024-FALL',   NULL),
  (3, 6, '2024-FALL',   NULL),
  (3, 1, '2024-SPRING', 'B'),
  (4, 1, '2024-FALL',   NULL),
  (4, 2, '2024-FALL',   NULL),
  (4, 5, '2024-FALL',   NULL),
  (4, 6, '2024-FALL',   NULL),
  (5, 5, '2024-FALL',   NULL),
  (5, 3, '2024-FALL',   NULL),
  (5, 6, '2024-FALL',   NULL),
  (5, 4, '2024-SPRING', 'A');
