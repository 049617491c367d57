import type { RequestHandler } from 'express';
import { z } from 'zod';
import { domainErrorOf, parseInput } from '@members/api';
import { polarApiVersion } from '@members/contracts';
import type { Surface } from '../surface.js';

const header = 'polar-version';
const versionHeader = z.object({ [header]: polarApiVersion.optional() });

/** `Polar-Version`, which Polar's current SDK sends on every call: a version this service does not speak is a 422. */
export const polarVersionCheck =
  (sendError: Surface['sendError']): RequestHandler =>
  (req, res, next) => {
    const sent = req.headers[header];
    try {
      parseInput(versionHeader, { [header]: sent }, 'header');
      next();
    } catch (error) {
      sendError(res, domainErrorOf(error), {
        wire: { body: undefined, query: {}, path: {}, header: { [header]: sent } },
        locate: () => ({ source: 'header', key: header }),
      });
    }
  };
