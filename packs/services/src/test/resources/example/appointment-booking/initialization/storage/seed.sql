-- Sample data: two dentists, three patients, four appointments.
INSERT INTO dentists (name, speciality) VALUES
    ('Dr. Ana Ruiz', 'general'),
    ('Dr. Tom Berg', 'orthodontics');

INSERT INTO patients (name, email, phone) VALUES
    ('Lena Hoffmann', 'lena@example.org', '+49 30 1234567'),
    ('Marco Bianchi', 'marco@example.org', NULL),
    ('Sara Lindqvist', 'sara@example.org', '+46 8 765432');

INSERT INTO appointments (dentist_id, patient_id, starts_at, status) VALUES
    (1, 1, '2026-12-08 09:00:00+01', 'booked'),
    (1, 2, '2026-12-08 10:00:00+01', 'booked'),
    (2, 3, '2026-12-01 14:00:00+01', 'no_show'),
    (2, 1, '2026-11-24 11:30:00+01', 'attended');
