"""News pages written for the tests in the shape of real ones.

A news page as publishers build them: cookie banner, menu, the article with a share box, a teaser
box of other articles, and a footer naming the publisher.
"""

PAGE_DE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Volkswagen und SAIC gründen Batteriefirma | Autowelt Online</title>
<meta property="og:title" content="Volkswagen und SAIC gründen Batteriefirma">
<meta property="article:published_time" content="2024-05-14T09:30:00+02:00">
</head><body>
<div id="cookie-banner" class="consent"><p>Wir verwenden Cookies. Mit Ihrer Zustimmung teilen
wir Daten mit Google und Meta für Werbung und Reichweitenmessung.</p>
<button>Alle akzeptieren</button></div>
<header><nav><ul><li><a href="/">Start</a></li><li><a href="/e-auto">E-Auto</a></li>
<li><a href="/tech">Technik</a></li></ul></nav></header>
<main><article>
<h1>Volkswagen und SAIC gründen Batteriefirma</h1>
<p>Volkswagen und SAIC Motor gründen ein Gemeinschaftsunternehmen für Batteriezellen in
Anhui. Beide Konzerne halten je die Hälfte der Anteile, wie sie am Dienstag mitteilten.</p>
<p>Das neue Werk soll ab 2026 Zellen für 400.000 Fahrzeuge im Jahr liefern. Volkswagen
investiert dafür rund eine Milliarde Euro, SAIC bringt das Grundstück und die Genehmigungen
ein.</p>
<p>Die Partner arbeiten in China schon seit Jahrzehnten zusammen und wollen so die Kosten
ihrer Elektroautos senken. Beobachter sehen darin eine Antwort auf die Preisoffensive der
heimischen Konkurrenz.</p>
<div class="share"><a href="#">Auf Facebook teilen</a> <a href="#">Auf LinkedIn teilen</a></div>
</article>
<aside class="teaser"><h3>Mehr zum Thema</h3><ul>
<li><a href="/a1">BMW und Toyota vertiefen ihre Wasserstoff-Kooperation</a></li>
<li><a href="/a2">Stellantis übernimmt weitere Anteile an Leapmotor</a></li>
<li><a href="/a3">Tesla verkauft im April 30.000 Autos in Europa</a></li></ul></aside>
</main>
<footer><p>© 2024 Autowelt Verlag GmbH · Impressum · Datenschutz</p>
<p>Ein Angebot der Nordlicht Medien GmbH &amp; Co. KG</p></footer>
</body></html>
"""

PAGE_EN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Infineon to supply power chips to Hyundai - Motor Desk</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Infineon to supply power chips to Hyundai",
"datePublished": "2023-11-02T07:00:00Z"}</script>
</head><body>
<div class="cookie-notice"><p>This site uses cookies from Google Analytics and Microsoft
Clarity. By continuing you agree.</p><a href="/privacy">Manage settings</a></div>
<div class="menu"><a href="/">Home</a> | <a href="/ev">EVs</a> | <a href="/chips">Chips</a></div>
<div class="article-body">
<h1>Infineon to supply power chips to Hyundai</h1>
<p class="byline">By Sam Writer</p>
<p>Infineon has signed a multi-year agreement to supply silicon carbide power modules to
Hyundai Motor for its next generation of electric cars, the companies said on Thursday.</p>
<p>The German chipmaker will reserve production capacity at its plant in Malaysia for the
carmaker, which in return makes an advance payment. Neither side disclosed the value.</p>
<p>Hyundai has been securing parts for its electric vehicles as demand recovers, and the
deal adds to similar agreements the carmaker struck last year.</p>
</div>
<div class="related"><h4>Read more</h4>
<p><a href="/x">Nvidia and Foxconn plan AI factories</a></p>
<p><a href="/y">BYD overtakes Tesla in quarterly sales</a></p></div>
<div class="footer">Motor Desk is published by Harbour Media Holdings Ltd. All rights
reserved.</div>
</body></html>
"""

PAGE_NL = """<html lang="nl"><head><title>Leapmotor en Stellantis openen fabriek - Autokrant</title>
<meta name="date" content="2024-09-03">
</head><body>
<div class="cookiebar">Wij plaatsen cookies van Google om advertenties te tonen.
<button>Akkoord</button></div>
<nav><a href="/">Home</a><a href="/nieuws">Nieuws</a></nav>
<article><h1>Leapmotor en Stellantis openen fabriek</h1>
<p>Leapmotor International, het samenwerkingsverband van Stellantis en Leapmotor, begint in
september met de productie van elektrische auto's in Polen.</p>
<p>De fabriek in Tychy moet dit jaar nog enkele duizenden auto's bouwen. Later volgen
modellen voor andere Europese markten.</p>
<p>Het Chinese merk wil zo importheffingen op auto's uit China ontlopen.</p></article>
<section class="meer"><h3>Lees ook</h3><a href="/z">Volvo Cars schrapt banen in Gent</a>
<a href="/w">Renault en Nissan herzien hun alliantie</a></section>
<footer>Autokrant is een uitgave van Polder Uitgevers B.V.</footer></body></html>
"""
