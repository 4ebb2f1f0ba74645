import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_FIELD, CSRF_HEADER, assertCsrfToken, isMultipartForm } from './csrf.js';
import { HttpError } from './errors.js';

/**
 * Forms with a file (`multipart/form-data`). Only routes registered inside `withMultipartForms`
 * accept such a body (everywhere else it is 415, as before), and each of them declares
 * `config.csrf: 'multipart'` and reads its form with `readForm`: the fields and the file are
 * read into memory within fixed limits, the CSRF token is checked, and only then does the
 * route see a field or get a chance to keep the file. An ordinary form post to the same route
 * is parsed and checked as everywhere else.
 */

export interface FormFile {
  /** The bytes, at most `maxFileBytes` of them. */
  bytes: Buffer;
  /** More than `maxFileBytes` were sent: `bytes` is only the start, and the file must be refused. */
  tooLarge: boolean;
}

export interface FormWithFile {
  fields: Record<string, string>;
  /** The file field's file; null when none was chosen. */
  file: FormFile | null;
}

export interface MultipartLimits {
  /** The one file field's name; any other file is refused. */
  fileField: string;
  maxFileBytes: number;
  /** Room for the text fields besides the file (the body may be this much larger than the file). */
  maxFieldBytes: number;
}

const tooLargeBody = () => new HttpError(413, 'payload_too_large', 'Det, du sendte, er for stort. Et foto må højst fylde 5 MB.');
const badForm = () => new HttpError(400, 'invalid_form', 'Formularen kunne ikke læses. Gå tilbage, og prøv igen.');

/** Registers `routes` in a context of their own where multipart forms within `limits` are parsed. */
export async function withMultipartForms(app: FastifyInstance, limits: MultipartLimits, routes: (app: FastifyInstance) => Promise<void>): Promise<void> {
  await app.register(async (scoped) => {
    await scoped.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: limits.maxFileBytes, files: 1, fields: 40, parts: 42, fieldSize: limits.maxFieldBytes, headerPairs: 100 },
    });
    await routes(scoped);
  });
}

/**
 * The form of a post to a route inside `withMultipartForms`: a multipart form read and its
 * token checked (403, nothing kept, when it is wrong or missing), or an ordinary form's fields
 * (checked by the app's CSRF hook already). A body far larger than the limits is refused with
 * 413 before it is read; a file just over the limit comes back as `tooLarge`, so the route can
 * show the form again with everything else the person wrote.
 */
export async function readForm(request: FastifyRequest, limits: MultipartLimits): Promise<FormWithFile> {
  if (!isMultipartForm(request)) {
    const body = request.body;
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) throw badForm();
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof value === 'string') fields[key] = value;
    return { fields, file: null };
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxFileBytes + limits.maxFieldBytes) throw tooLargeBody();
  const fields: Record<string, string> = {};
  let file: FormFile | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string' || part.valueTruncated || part.fieldnameTruncated) throw badForm();
        fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== limits.fileField || file) throw badForm();
      const bytes = await part.toBuffer();
      // No file chosen: browsers send an empty part without a file name.
      if (bytes.length === 0 && part.filename === '') continue;
      file = { bytes, tooLarge: part.file.truncated };
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    request.log.info({ err: error }, 'multipart form refused');
    throw badForm();
  }
  assertCsrfToken(request, fields[CSRF_FIELD] ?? request.headers[CSRF_HEADER]);
  delete fields[CSRF_FIELD];
  return { fields, file };
}
