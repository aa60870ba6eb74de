CREATE TABLE students (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL,
  major TEXT NOT NULL
);

CREATE TABLE courses (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL UNIQUE,
  title   TEXT NOT NULL,
  credits INTEGER NOT NULL CHECK (credits BETWEEN 1 AND 6)
);

CREATE TABLE enrollments (
  student_id INTEGER NOT NULL REFERENCES students(id),
  course_id  INTEGER NOT NULL REFERENCES courses(id),
  term       TEXT NOT NULL,     -- e.g. '2024-FALL'
  grade      TEXT,              -- NULL until the term is graded
  PRIMARY KEY (student_id, course_id, term)
);
