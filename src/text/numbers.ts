const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 2.4 → "2,4 km". */
export function formatKm(km: number): string {
  return `${oneDecimal.format(km)} km`;
}

/** 1234 → "1.234". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** 299.5 → "299,50 kr." */
export function formatKroner(kr: number): string {
  return `${money.format(kr)} kr.`;
}
