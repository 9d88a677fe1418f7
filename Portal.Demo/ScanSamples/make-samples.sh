#!/usr/bin/env bash
# Makes the demo's sample scanned pages (seed-demo files them in the Kerman and Golestan technical files), once, by
# hand: each page is an HTML letter or form in Persian, printed by headless Chromium to PDF with Vazirmatn, then drawn
# by poppler's pdftoppm in grey (-gray) as a PNG at 110 dpi, 60-75 KB — the kind of page a branch scans, with words Tesseract (fas) reads.
# The PNGs are committed; run again only to change them: bash Portal.Demo/ScanSamples/make-samples.sh
# (ONLY="0203-kerman 0502-kerman" makes just those pages).
# Needs chromium, poppler-utils and the npm assets (wwwroot-assets: npm ci).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fonts="$(cd "$here/../../wwwroot-assets/node_modules/vazirmatn/fonts/ttf" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# name | type code | title | branch | person | national ID | date | body lines (separated by ";")
pages=(
  "0501-kerman|0501|گواهی استراحت پزشکی|شعبه ۱ کرمان|علی رضایی کرمانی|۲۹۸۰۱۲۳۴۵۶|۱۴۰۵/۰۸/۱۲|بیمه‌شده نامبرده به علت شکستگی مچ دست راست از تاریخ ۱۴۰۵/۰۸/۱۰ به مدت ده روز نیاز به استراحت پزشکی دارد.;تشخیص: شکستگی استخوان رادیوس;پزشک معالج: دکتر مهدی صالحی، نظام پزشکی ۱۲۳۴۵"
  "0401-kerman|0401|رأی کمیسیون پزشکی ماده ۹۱|شعبه ۱ کرمان|فاطمه محمدی|۲۹۸۰۴۴۵۵۶۶|۱۴۰۵/۰۷/۲۰|کمیسیون پزشکی استان در جلسه مورخ ۱۴۰۵/۰۷/۱۸ پرونده بیمه‌شده را بررسی کرد.;از کارافتادگی کلی ناشی از بیماری با درصد هفتاد تأیید می‌شود.;این رأی برای برقراری مستمری از کارافتادگی به شعبه ارسال می‌شود."
  "0301-kerman|0301|درخواست بازنشستگی|شعبه ۱ کرمان|حسین احمدی راوری|۳۰۷۰۱۱۲۲۳۳|۱۴۰۵/۰۶/۰۵|اینجانب با سی سال سابقه پرداخت حق بیمه درخواست برقراری مستمری بازنشستگی دارم.;آخرین کارگاه: شرکت معدنی مس سرچشمه;پیوست: رونوشت شناسنامه و کارت ملی"
  "0501-golestan|0501|گواهی استراحت پزشکی|شعبه ۱ گرگان|زهرا حسینی|۲۱۲۰۹۸۷۶۵۴|۱۴۰۵/۰۸/۲۵|بیمه‌شده نامبرده به علت عمل جراحی آپاندیس از تاریخ ۱۴۰۵/۰۸/۲۳ به مدت هفت روز نیاز به استراحت پزشکی دارد.;تشخیص: آپاندیسیت حاد;پزشک معالج: دکتر سارا کریمی، نظام پزشکی ۵۴۳۲۱"
  "0601-golestan|0601|گزارش حادثه ناشی از کار|شعبه ۱ گرگان|رضا قربانی|۲۱۲۰۵۵۴۴۳۳|۱۴۰۵/۰۵/۱۴|کارگر نامبرده هنگام کار با دستگاه پرس در کارگاه دچار آسیب انگشتان دست چپ شد.;محل حادثه: کارخانه صنایع چوب گرگان;شاهدان: محمد رحیمی و علی نوروزی"
  "0802-golestan|0802|درخواست بیمه‌شده|شعبه ۱ گرگان|مریم عباسی|۲۱۲۰۳۳۲۲۱۱|۱۴۰۵/۰۹/۰۳|با سلام، خواهشمند است سوابق بیمه‌ای اینجانب در کارگاه نساجی گنبد کاووس احتساب شود.;مدت سابقه: چهار سال و شش ماه;با تشکر، مریم عباسی"
  "0203-kerman|0203|قرارداد بیمه صاحبان حرف و مشاغل آزاد (نسخه سازمان)|شعبه ۱ کرمان|محمود صادقی|۲۹۸۰۶۶۷۷۸۸|۱۴۰۵/۰۳/۱۵|بیمه‌شده نامبرده با نرخ دوازده درصد متقاضی بیمه مشاغل آزاد است.;شغل: تعمیرکار خودرو در شهر کرمان;این نسخه نزد سازمان نگهداری می‌شود."
  "0502-kerman|0502|نظریه مراجع پزشکی|شعبه ۱ کرمان|سعید رستمی|۲۹۸۰۷۷۸۸۹۹|۱۴۰۵/۰۸/۲۸|گواهی استراحت پزشک معالج به مدت بیست روز بررسی شد.;مراجع پزشکی ده روز از دوره استراحت را تأیید نمی‌کنند.;مدت تأییدشده: ده روز"
  "0203-golestan|0203|قرارداد بیمه صاحبان حرف و مشاغل آزاد (نسخه سازمان)|شعبه ۱ گرگان|نرگس یوسفی|۲۱۲۰۶۶۵۵۴۴|۱۴۰۵/۰۴/۰۹|بیمه‌شده نامبرده با نرخ چهارده درصد متقاضی بیمه مشاغل آزاد است.;شغل: خیاط در شهر گرگان;این نسخه نزد سازمان نگهداری می‌شود."
  "0502-golestan|0502|نظریه مراجع پزشکی|شعبه ۱ گرگان|امیر نظری|۲۱۲۰۴۴۳۳۲۲|۱۴۰۵/۰۸/۱۹|گواهی استراحت پزشک معالج به مدت پانزده روز بررسی شد.;مراجع پزشکی تمام دوره استراحت را تأیید نمی‌کنند.;مدت تأییدشده: هیچ"
  "0401-golestan|0401|رأی کمیسیون پزشکی ماده ۹۱|شعبه ۱ گرگان|علی نوروزی|۲۱۲۰۱۱۲۲۳۳|۱۴۰۵/۰۶/۲۲|کمیسیون پزشکی استان در جلسه مورخ ۱۴۰۵/۰۶/۲۰ پرونده بیمه‌شده را بررسی کرد.;نقص عضو ناشی از حادثه کار با درصد سی و پنج تأیید می‌شود.;این رأی برای برقراری غرامت نقص عضو به شعبه ارسال می‌شود."
  "0802-kerman|0802|درخواست بیمه‌شده|شعبه ۱ کرمان|لیلا کاظمی|۲۹۸۰۵۵۶۶۷۷|۱۴۰۵/۰۲/۲۰|با سلام، خواهشمند است رونوشت سوابق بیمه‌ای اینجانب صادر شود.;مدت سابقه: دوازده سال;با تشکر، لیلا کاظمی"
)

for spec in "${pages[@]}"; do
  IFS='|' read -r name code title branch person nid date body <<<"$spec"
  [[ -n "${ONLY:-}" && " $ONLY " != *" $name "* ]] && continue
  lines=""
  IFS=';' read -ra parts <<<"$body"
  for p in "${parts[@]}"; do lines+="<p>$p</p>"; done
  cat >"$work/$name.html" <<HTML
<!DOCTYPE html>
<html dir="rtl" lang="fa"><head><meta charset="utf-8"><style>
@font-face { font-family: Vazirmatn; src: url(file://$fonts/Vazirmatn-Regular.ttf); font-weight: 400; }
@font-face { font-family: Vazirmatn; src: url(file://$fonts/Vazirmatn-Bold.ttf); font-weight: 700; }
@page { size: A4; margin: 22mm 20mm; }
body { font-family: Vazirmatn; font-size: 15pt; line-height: 1.9; color: #111; }
.top { text-align: center; } .top b { display: block; font-size: 17pt; }
h1 { text-align: center; font-size: 21pt; margin: 10mm 0 8mm; border-top: 1.5pt solid #333; border-bottom: 1.5pt solid #333; padding: 2mm 0; }
.fields p { margin: 0; } .sign { margin-top: 22mm; text-align: left; }
.stamp { display: inline-block; border: 2pt solid #555; border-radius: 50%; padding: 8mm 6mm; font-size: 11pt; transform: rotate(-12deg); }
</style></head><body>
<div class="top"><b>بسمه تعالی</b><b>سازمان تأمین اجتماعی</b>$branch</div>
<h1>$title</h1>
<div class="fields"><p>نام و نام خانوادگی: $person</p><p>کد ملی: $nid</p><p>تاریخ: $date</p></div>
$lines
<div class="sign">محل امضا و مهر<br><span class="stamp">$branch</span></div>
</body></html>
HTML
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --allow-file-access-from-files \
    --print-to-pdf="$work/$name.pdf" "file://$work/$name.html" 2>/dev/null
  pdftoppm -f 1 -l 1 -r 110 -gray -png -singlefile "$work/$name.pdf" "$here/$name"
  echo "$name.png $(stat -c %s "$here/$name.png") bytes"
done
