-- Dental appointment booking: dentists, patients and their appointments.
CREATE TABLE dentists (
    id          SERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    speciality  TEXT NOT NULL DEFAULT 'general'
);

CREATE TABLE patients (
    id     SERIAL PRIMARY KEY,
    name   TEXT NOT NULL,
    email  TEXT NOT NULL UNIQUE,
    phone  TEXT
);

CREATE TABLE appointments (
    id          SERIAL PRIMARY KEY,
    dentist_id  INTEGER NOT NULL REFERENCES dentists(id),
    patient_id  INTEGER NOT NULL REFERENCES patients(id),
    starts_at   TIMESTAMPTZ NOT NULL,
    status      TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'attended', 'no_show', 'cancelled')),
    UNIQUE (dentist_id, starts_at)
);

CREATE INDEX appointments_starts_at ON appointments (starts_at);
