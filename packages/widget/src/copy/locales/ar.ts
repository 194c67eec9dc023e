import type { Copy } from '../copy.js';

// Arabic (right to left): every string of `en` (copy.ts), by name; itemCount in
// the plural categories of the language (Intl.PluralRules).
export default {
  title: 'هل ستغادر الآن؟ سلتك ما زالت هنا',
  close: 'إغلاق',
  items: 'سلتك',
  quantity: 'الكمية: {count}',
  total: 'الإجمالي',
  offer: 'خصم {percent}% بالرمز {code}',
  offerCode: 'الرمز: {code}',
  expires: 'ينتهي خلال {time}',
  emailLabel: 'البريد الإلكتروني',
  emailSubmit: 'أرسل سلتي إلى بريدي',
  thanks: 'شكرًا! سنرسل إليك رابطًا للعودة إلى سلتك.',
  checkout: 'الانتقال إلى الدفع',
  checkoutReturn: 'العودة إلى الدفع',
  keepBrowsing: 'متابعة التصفح',
  bannerLabel: 'سلتك المحفوظة',
  bannerTitle: 'مرحبًا بعودتك، سلتك بانتظارك',
  itemCount: {
    zero: 'لا منتجات',
    one: 'منتج واحد',
    two: 'منتجان',
    few: '{count} منتجات',
    many: '{count} منتجًا',
    other: '{count} منتج',
  },
  bannerBody: '{items} · {total}',
  bannerCheckout: 'الانتقال إلى الدفع',
  bannerDismiss: 'إخفاء',
  tabTitle: '🛒 سلتك بانتظارك',
  why: 'لماذا أرى هذا؟',
  whyText: 'سلتك محفوظة على هذا الجهاز لمساعدتك على إتمام طلبك.',
  privacy: 'سياسة الخصوصية',
  optOut: 'عدم الإظهار مرة أخرى',
} satisfies Copy;
