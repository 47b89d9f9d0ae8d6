// Screenshot of one page of a running demo, signed in as a local account, through the Playwright
// driver the test build ships and Debian's Chromium. Usage (after a Release build):
//   W=2200 node scripts/screenshot.js http://127.0.0.1:5580 drift PASSWORD /Scans artifacts/screenshots/scans.png
const { chromium } = require(require('path').join(__dirname, '..', 'Tests/bin/Release/net10.0/.playwright/package'));
(async () => {
  const [base, user, pass, path, out] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: +(process.env.W||1400), height: 900 } });
  await page.goto(base + '/Account/SignIn?ReturnUrl=' + encodeURIComponent(path));
  await page.locator('#UserName').fill(user);
  await page.locator('#Password').fill(pass);
  await Promise.all([page.waitForURL(u => !u.toString().includes('SignIn')), page.locator('button.button-primary').click()]);
  console.log('at', page.url());
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
