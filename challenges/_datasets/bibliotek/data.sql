INSERT INTO bok (id, titel, forfattare) VALUES
  (1, 'Pappersfåglar', 'Anna Ek'),
  (2, 'Nattbussen', 'Karim Larsson'),
  (3, 'Koden i skogen', 'Li Wang');
