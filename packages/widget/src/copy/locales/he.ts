import type { Copy } from '../copy.js';

// Hebrew (right to left): every string of `en` (copy.ts), by name.
export default {
  title: 'כבר עוזבים? העגלה שלך עדיין כאן',
  close: 'סגירה',
  items: 'העגלה שלך',
  quantity: 'כמות: {count}',
  total: 'סה״כ',
  offer: '{percent}% הנחה עם הקוד {code}',
  offerCode: 'הקוד: {code}',
  expires: 'בתוקף עוד {time}',
  emailLabel: 'אימייל',
  emailSubmit: 'שליחת העגלה אליי במייל',
  thanks: 'תודה! נשלח אליך קישור חזרה לעגלה.',
  checkout: 'חזרה לתשלום',
  keepBrowsing: 'המשך גלישה',
  bannerLabel: 'העגלה השמורה שלך',
  bannerTitle: 'טוב שחזרת – העגלה שלך מחכה',
  bannerBody: 'פריטים: {count} · {total}',
  bannerCheckout: 'מעבר לתשלום',
  bannerDismiss: 'הסתרה',
  tabTitle: '🛒 העגלה שלך מחכה',
} satisfies Copy;
