import { ENTRY_PATH } from '../entry.js';

/** The one search box: a topic, a place or both; /find decides where that leads. */
export function EntrySearch({ id, value = '' }: { id: string; value?: string }) {
  return (
    <form class="entry-search" action={ENTRY_PATH} method="get" role="search" aria-label="Søg efter emne eller sted">
      <label for={id}>Søg efter et emne, et postnummer eller en by</label>
      <div class="search-row">
        <input id={id} type="search" name="q" value={value} placeholder="Fx knæ, 2100 eller ondt i ryggen Aarhus" aria-describedby={`${id}-hint`} />
        <button type="submit">Søg</button>
      </div>
      <p class="hint" id={`${id}-hint`}>
        Skriver du et sted, viser vi fysioterapeuter der; skriver du også, hvor det gør ondt, kun dem, der behandler det.
      </p>
    </form>
  );
}
