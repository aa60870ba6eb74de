INSERT INTO rooms (number, type, nightly_rate) VALUES
  (101, 'single',  80),
  (102, 'double', 120),
  (103, 'double', 120),
  (201, 'suite',  260),
  (202, 'single',  85);

INSERT INTO guests (id, name) VALUES
  (1, 'Hannah Schmidt'),
  (2, 'Kwame Mensah'),
  (3, 'Isabel Duarte'),
  (4, 'Oliver Grant'),
  (5, 'Fatima Zahra');

INSERT INTO reservations (id, room_number, guest_id, check_in, check_out) VALUES
  (1, 101, 1, '2024-06-03', '2024-06-06'),
  (2, 101, 2, '2024-06-10', '2024-06-12'),
  (3, 102, 3, '2024-06-14', '2024-06-21'),
  (4, 102, 4, '2024-05-28', '2024-06-02'),
  (5, 201, 5, '2024-06-29', '2024-07-03'),
  (6, 201, 1, '2024-07-05', '2024-07-07'),
  (7, 202, 2, '2024-05-20', '2024-05-23'),
  (8, 103, 3, '2024-07-01', '2024-07-04');
