import type { Copy } from '../copy.js';

// Arabic (right to left): every string of `en` (copy.ts), by name.
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
  checkout: 'العودة إلى الدفع',
  keepBrowsing: 'متابعة التصفح',
  bannerLabel: 'سلتك المحفوظة',
  bannerTitle: 'مرحبًا بعودتك، سلتك بانتظارك',
  bannerBody: 'المنتجات: {count} · {total}',
  bannerCheckout: 'الانتقال إلى الدفع',
  bannerDismiss: 'إخفاء',
  tabTitle: '🛒 سلتك بانتظارك',
} satisfies Copy;
