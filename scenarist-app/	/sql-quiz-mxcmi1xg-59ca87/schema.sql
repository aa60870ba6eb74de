CREATE TABLE rooms (
  number       INTEGER PRIMARY KEY,
  type         TEXT NOT NULL CHECK (type IN ('single', 'double', 'suite')),
  nightly_rate INTEGER NOT NULL          -- euros
);

CREATE TABLE guests (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE reservations (
  id          INTEGER PRIMARY KEY,
  room_number INTEGER NOT NULL REFERENCES rooms(number),
  guest_id    INTEGER NOT NULL REFERENCES guests(id),
  check_in    TEXT NOT NULL,             -- 'YYYY-MM-DD'
  check_out   TEXT NOT NULL,             -- 'YYYY-MM-DD', after check_in
  CHECK (check_out > check_in)
);
