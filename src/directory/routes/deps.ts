import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../web/deps.js';
import type { ClinicCatalogSource } from '../catalog.js';
import type { Directory } from '../directory.js';
import type { ClinicEventRecorder, VisitorInfo } from '../events.js';

export interface DirectoryDeps extends RouteDeps {
  directory: Directory;
  catalog: ClinicCatalogSource;
  events: ClinicEventRecorder;
}

export function visitorOf(request: FastifyRequest): VisitorInfo {
  const purpose = request.headers['sec-purpose'] ?? request.headers.purpose;
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    method: request.method,
    purpose: Array.isArray(purpose) ? purpose[0] : purpose,
  };
}
