/**
 * The public JSON API, described once. Kept beside the routes by a test that calls every
 * documented path.
 */

const error = {
  description: 'Fejl: { error: { code, message, parameter? } }',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, parameter: { type: 'string' } },
          },
        },
      },
    },
  },
};

const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const query = (name: string, description: string, schema: object, required = false) => ({ name, in: 'query', required, description, schema });
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } };
const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const num = { type: 'number' };
const bool = { type: 'boolean' };

const clinicSummary = {
  type: 'object',
  properties: {
    slug: str,
    name: str,
    url: str,
    address: str,
    postcode: str,
    town: str,
    townSlug: str,
    lat: num,
    lon: num,
    distanceKm: { type: ['number', 'null'] },
    inTown: bool,
    specialties: { type: 'array', items: str },
    ydernummer: bool,
    handicapAccess: { type: ['boolean', 'null'] },
    verified: bool,
    reviewCount: { type: 'integer' },
    averageRating: { type: ['number', 'null'] },
    demo: bool,
  },
};

export function openApiDocument(baseUrl: string, siteName: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: `${siteName} API`,
      version: '1',
      description: 'Offentlige, læsbare data: søgning, artikler, byer og klinikker. Alle svar er JSON; datoer er ISO 8601.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths: {
      '/search': {
        get: {
          summary: 'Søg i artikler og klinikker',
          parameters: [
            query('q', 'Søgeord (dansk stavning eller uden æøå)', { type: 'string', minLength: 1, maxLength: 200 }, true),
            query('limit', 'Antal resultater', { type: 'integer', minimum: 1, maximum: 50, default: 10 }),
            query('kind', 'Kun én slags', { type: 'string', enum: ['ordbog', 'blog', 'clinic'] }),
          ],
          responses: {
            200: json('Resultater, bedste først. snippet er HTML-escapet tekst med <mark> om de fundne ord.', {
              type: 'object',
              properties: {
                query: str,
                total: { type: 'integer', description: 'Antal fund, talt op til 1000' },
                totalCapped: { type: 'boolean', description: 'true: der er flere end 1000 fund' },
                approximate: bool,
                place: {
                  type: ['object', 'null'],
                  description: 'Klinikfinderen for en by, et postnummer eller en bydel i søgningen (med speciale, hvis et nævnes)',
                  properties: { town: str, townSlug: str, specialty: nullableStr, url: str },
                },
                results: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      kind: str,
                      group: { type: 'string', enum: ['knowledge', 'clinics'], description: 'Søgesidens gruppe: viden (ordbog, blog) eller klinikker' },
                      slug: str,
                      title: str,
                      url: str,
                      snippet: str,
                    },
                  },
                },
              },
            }),
            400: error,
          },
        },
      },
      '/articles/{slug}': {
        get: {
          summary: 'Én artikel fra ordbogen eller bloggen',
          parameters: [slug, query('kind', 'Hvis samme slug findes i begge', { type: 'string', enum: ['ordbog', 'blog'] })],
          responses: {
            200: json('Artiklen', {
              type: 'object',
              properties: {
                slug: str,
                kind: str,
                title: str,
                metaTitle: nullableStr,
                description: str,
                url: str,
                author: { type: ['object', 'null'], properties: { slug: str, name: str } },
                datePublished: { type: 'string', format: 'date' },
                dateModified: { type: 'string', format: 'date' },
                readingMinutes: { type: 'integer' },
                toc: { type: 'array', items: { type: 'object', properties: { id: str, text: str } } },
                faq: { type: 'array', items: { type: 'object', properties: { question: str, answer: str } } },
                html: str,
              },
            }),
            404: error,
          },
        },
      },
      '/towns': {
        get: {
          summary: 'Byer til autoudfyldning: navn (også uden æøå) eller begyndelsen af et postnummer',
          parameters: [query('q', 'Det, der er skrevet', { type: 'string', minLength: 1, maxLength: 100 }, true)],
          responses: {
            200: json('Højst 10 byer, bedste først', {
              type: 'object',
              properties: {
                towns: {
                  type: 'array',
                  items: { type: 'object', properties: { slug: str, name: str, postcode: nullableStr, label: str, preposition: str, url: str } },
                },
              },
            }),
            400: error,
          },
        },
      },
      '/clinics': {
        get: {
          summary: 'Klinikker, sorteret som på siderne (byen først, så inden for radius)',
          parameters: [
            query('near', 'By-slug eller postnummer; uden: hele landet', str),
            query('radius_km', 'Radius omkring byen', { type: 'number', minimum: 1, maximum: 50, default: 10 }),
            query('specialty', 'Speciale-slug', str),
            query('handicap', 'Kun handicapvenlig adgang', { type: 'string', enum: ['true', 'false'] }),
            query('ydernummer', 'Kun klinikker med ydernummer', { type: 'string', enum: ['true', 'false'] }),
            query('page', 'Side (20 pr. side)', { type: 'integer', minimum: 1, default: 1 }),
          ],
          responses: {
            200: json('En side klinikker', {
              type: 'object',
              properties: {
                clinics: { type: 'array', items: clinicSummary },
                total: { type: 'integer' },
                page: { type: 'integer' },
                pages: { type: 'integer' },
                pageSize: { type: 'integer' },
              },
            }),
            400: error,
          },
        },
      },
      '/clinics/{slug}': {
        get: {
          summary: 'Én klinik med kontakt, priser, åbningstider, team og anmeldelser',
          parameters: [slug],
          responses: { 200: json('Klinikken', { type: 'object' }), 404: error },
        },
      },
    },
  };
}
