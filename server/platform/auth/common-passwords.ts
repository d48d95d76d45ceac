/**
 * Passwords that are refused outright, compared in lower case. Sources: the most common
 * entries of public breach lists that reach 12 characters, plus Swedish favourites.
 */
export const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000',
  '123123123123', '121212121212', '987654321098', '147258369147', '1q2w3e4r5t6y', '1qaz2wsx3edc',
  'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', 'qwertyqwerty', 'qazwsxedcrfv', 'zaq12wsxcde3',
  'asdfghjkl123', 'zxcvbnm12345', 'password1234', 'password12345', 'password123!', 'passw0rd1234',
  'p@ssw0rd1234', 'p@ssword1234', 'iloveyou1234', 'welcome12345', 'letmein12345', 'football1234',
  'baseball1234', 'princess1234', 'sunshine1234', 'superman1234', 'starwars1234', 'trustno11234',
  'abcdefghijkl', 'abcdef123456', 'abc123456789', 'administrator', 'administrator1', 'changeme1234',
  'lösenord1234', 'losenord1234', 'losenord123!', 'lösenord123!', 'sommar123456', 'sommaren2024',
  'sommaren2025', 'sommaren2026', 'vintern2025!', 'hösten202526', 'välkommen123', 'valkommen123',
  'välkommen1234', 'valkommen1234', 'hejhejhejhej', 'kommunen1234', 'stockholm123', 'göteborg1234',
  'goteborg1234', 'sverige12345', 'hammarby1893', 'djurgården12', 'aik123456789', 'blåvitt12345',
]);

/** Words that stay common when digits or symbols are put before or after them. */
export const COMMON_PASSWORD_BASES = new Set([
  'password', 'passwort', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwertyuiop', 'qwertz', 'azerty',
  'asdfgh', 'asdfghjkl', 'zxcvbnm', 'qazwsx', 'qazwsxedc', 'abc', 'abcdef', 'abcdefgh', 'abcdefghijkl',
  'letmein', 'welcome', 'iloveyou', 'admin', 'administrator', 'changeme', 'secret', 'monkey', 'dragon',
  'football', 'baseball', 'princess', 'sunshine', 'superman', 'batman', 'starwars', 'trustno', 'master',
  'shadow', 'michael', 'jennifer', 'computer', 'internet', 'summer', 'winter', 'spring', 'autumn',
  'lösenord', 'losenord', 'losen', 'lösen', 'sommar', 'sommaren', 'vinter', 'vintern', 'hösten', 'hosten',
  'våren', 'varen', 'välkommen', 'valkommen', 'hejsan', 'hejhej', 'kommun', 'kommunen', 'ansvar',
  'sverige', 'stockholm', 'göteborg', 'goteborg', 'malmö', 'malmo', 'uppsala', 'hammarby', 'djurgården',
  'djurgarden', 'blåvitt', 'blavitt', 'allsvenskan', 'fotboll', 'hockey', 'januari', 'februari', 'mars',
  'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december', 'måndag',
  'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag', 'kalle', 'anka', 'kalleanka', 'pippi',
]);
