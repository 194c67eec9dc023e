// Hebrew (right to left): the strings of `en` (copy.ts) in its key order, joined by `|` (see loadLocale.ts).
export default
  'כבר עוזבים? העגלה שלך עדיין כאן|סגירה|העגלה שלך|כמות: {count}|סה״כ|{percent}% הנחה עם הקוד {code}|הקוד: {code}|' +
  'בתוקף עוד {time}|אימייל|שליחת העגלה אליי במייל|תודה! נשלח אליך קישור חזרה לעגלה.|חזרה לתשלום|המשך גלישה|' +
  'העגלה השמורה שלך|טוב שחזרת – העגלה שלך מחכה|פריטים: {count} · {total}|מעבר לתשלום|הסתרה|' +
  '🛒 העגלה שלך מחכה';
