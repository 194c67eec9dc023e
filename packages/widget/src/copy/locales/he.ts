import type { Copy } from '../copy.js';

// Hebrew (right to left): every string of `en` (copy.ts), by name; itemCount in
// the plural categories of the language (Intl.PluralRules).
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
  checkout: 'מעבר לתשלום',
  checkoutReturn: 'חזרה לתשלום',
  keepBrowsing: 'המשך גלישה',
  bannerLabel: 'העגלה השמורה שלך',
  bannerTitle: 'טוב שחזרת – העגלה שלך מחכה',
  itemCount: { one: 'פריט אחד', two: 'שני פריטים', other: '{count} פריטים' },
  bannerBody: '{items} · {total}',
  bannerCheckout: 'מעבר לתשלום',
  bannerDismiss: 'הסתרה',
  tabTitle: '🛒 העגלה שלך מחכה',
  why: 'למה אני רואה את זה?',
  whyText: 'העגלה שלך שמורה במכשיר הזה כדי לעזור לך להשלים את ההזמנה.',
  privacy: 'מדיניות הפרטיות',
  optOut: 'לא להציג שוב',
} satisfies Copy;
