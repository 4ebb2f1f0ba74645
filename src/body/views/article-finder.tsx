/**
 * The end of an article: "Dit postnummer eller by" straight to the finder for that town,
 * filtered to the article's specialty. /find/fysioterapeut?by=…&speciale=… resolves the town
 * (and keeps what was typed, with choices, when it cannot).
 */
export function ArticleFinder({ specialty }: { specialty: { slug: string; name: string } | null }) {
  return (
    <aside class="cta" aria-labelledby="cta-title">
      <h2 id="cta-title">Brug for hjælp?</h2>
      <p>
        {specialty
          ? `Find en fysioterapeut i nærheden med speciale i ${specialty.name.toLowerCase()}.`
          : 'Find en fysioterapeut i nærheden, der kan undersøge og behandle dig.'}
      </p>
      <form class="place-form article-finder" action="/find/fysioterapeut" method="get">
        {specialty && <input type="hidden" name="speciale" value={specialty.slug} />}
        <label for="cta-by">Dit postnummer eller by</label>
        <div class="search-row">
          <input id="cta-by" name="by" type="text" placeholder="Fx 2100 eller Aarhus" autocomplete="postal-code" required />
          <button type="submit">Find fysioterapeut</button>
        </div>
      </form>
    </aside>
  );
}
