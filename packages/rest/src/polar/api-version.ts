import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { domainErrorOf, parseInput, type DomainError } from '@members/api';
import { polarApiVersion } from '@members/contracts';

const header = 'polar-version';
const versionHeader = z.object({ [header]: polarApiVersion.optional() });

/** `Polar-Version`, which Polar's current SDK sends on every call: a version this service does not speak is a 422. */
export const polarVersionCheck =
  (refuse: (res: Response, error: DomainError) => void): RequestHandler =>
  (req, res, next) => {
    try {
      parseInput(versionHeader, { [header]: req.headers[header] }, 'header');
      next();
    } catch (error) {
      refuse(res, domainErrorOf(error));
    }
  };

export const polarVersionHeader = header;
