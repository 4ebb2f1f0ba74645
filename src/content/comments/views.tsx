import { formatCount } from '../../text/numbers.js';
import type { ComponentChildren } from 'preact';
import { formatDanishDate } from '../../text/dates.js';
import { type PostedForm, TextAreaField } from '../../web/form-fields.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import { PlainText } from '../../web/plain-text.js';
import { COMMENT_TEXT_MAX, type PublishedComment } from './comments.js';

export const COMMENT_POLICY_PATH = '/saadan-behandler-vi-anmeldelser';
export const writeCommentPath = (slug: string) => `/blog/${slug}/kommentar`;
export const reportCommentPath = (id: number) => `/kommentarer/${id}/rapporter`;

/**
 * Comments under a blog post. The post page is cached and the same for everyone, so the form
 * lives on its own page ("Skriv en kommentar").
 */
export function CommentsSection({ slug, comments }: { slug: string; comments: PublishedComment[] }) {
  return (
    <section class="comments" aria-labelledby="comments-title" id="kommentarer">
      <h2 id="comments-title">Kommentarer</h2>
      {comments.length === 0 ? (
        <p class="muted">Der er ingen kommentarer endnu.</p>
      ) : (
        <ul class="review-list">
          {comments.map((c) => (
            <li class="review" key={c.id} id={`kommentar-${c.id}`}>
              <PlainText text={c.text} />
              <p class="muted review-meta">
                {c.authorName} · <time dateTime={c.publishedAt.slice(0, 10)}>{formatDanishDate(c.publishedAt)}</time>
              </p>
              <p class="review-actions">
                <a href={reportCommentPath(c.id)} rel="nofollow">
                  Anmeld som upassende
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <ul class="link-list review-links">
        <li>
          <a href={writeCommentPath(slug)} rel="nofollow">
            Skriv en kommentar
          </a>
        </li>
        <li>
          <a href={COMMENT_POLICY_PATH}>Sådan behandler vi kommentarer og anmeldelser</a>
        </li>
      </ul>
    </section>
  );
}

export function CommentFormPage(props: {
  ctx: ViewContext;
  post: { title: string; slug: string };
  form: PostedForm<unknown>;
  sent: boolean;
  csrf: ComponentChildren;
}) {
  const { ctx, post, form } = props;
  const path = writeCommentPath(post.slug);
  const postPath = `/blog/${post.slug}`;
  return (
    <Layout ctx={ctx} meta={{ title: `Kommentér "${post.title}"`, path, noindex: true, crumbs: [{ name: 'Blog', path: '/blog' }, { name: post.title, path: postPath }, { name: 'Skriv en kommentar', path }] }}>
      <section class="community-page">
        <h1>Kommentér »{post.title}«</h1>
        {props.sent ? (
          <div class="notice notice-success" role="status">
            <p>Tak. Din kommentar venter nu på redaktionen og bliver vist under indlægget, når den er godkendt.</p>
            <p>
              <a href={postPath}>Tilbage til indlægget</a>
            </p>
          </div>
        ) : (
          <form method="post" action={path} class="community-form" novalidate>
            {props.csrf}
            <TextAreaField
              name="text"
              label="Din kommentar"
              hint={`Højst ${formatCount(COMMENT_TEXT_MAX)} tegn. Kommentaren vises med dit fornavn og forbogstavet i dit efternavn, når en redaktør har læst den.`}
              form={form}
              maxLength={COMMENT_TEXT_MAX}
            />
            <p class="hint">
              <a href={COMMENT_POLICY_PATH}>Sådan behandler vi kommentarer</a>.
            </p>
            <button type="submit" class="button">
              Send kommentar
            </button>
          </form>
        )}
      </section>
    </Layout>
  );
}
