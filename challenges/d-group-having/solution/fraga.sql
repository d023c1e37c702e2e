SELECT k.namn, COUNT(*) AS antal
FROM kund AS k
JOIN bestallning AS b ON b.kund_id = k.id
GROUP BY k.id, k.namn
HAVING COUNT(*) >= 2
ORDER BY antal DESC, k.namn;
