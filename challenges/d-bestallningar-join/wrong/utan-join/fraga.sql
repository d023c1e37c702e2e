SELECT b.id, b.datum, k.namn
FROM bestallning b, kund k
WHERE k.id = b.kund_id
ORDER BY b.datum;
