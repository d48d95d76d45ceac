/**
 * Generated from the server's OpenAPI document by scripts/api-types.ts (npm run api:types).
 * Not committed, do not edit: change the server's zod schemas; npm run typecheck regenerates it.
 */
export interface paths {
  '/api/agreements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agreements the caller may see, ending soonest first, filtered, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description Only agreements whose end date is before this date */
          endingBefore?: '' | string;
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description Search in title, diarienummer and supplier name (ignores case, incl. å/ä/ö) */
          q?: string;
          /** @description Only this supplier’s agreements */
          supplierId?: '' | string;
          /** @description Only agreements linked to this system */
          systemId?: '' | string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgreementsPage'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Record an agreement, optionally linked at once to systems the caller may edit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description The agreement renews itself unless terminated within the notice period
             * @default false
             */
            autoRenewal?: boolean;
            clauses?: {
              /** @description Backup (säkerhetskopiering) */
              backup?: boolean | null;
              /** @description Secure destruction of media and data (säker destruktion) */
              destruction?: boolean | null;
              /** @description Personuppgiftsbiträdesavtal (data processing agreement) */
              dpa?: boolean | null;
              /** @description Logging (loggning) */
              logging?: boolean | null;
            };
            /** @description Where the signed agreement is (http(s) only) */
            documentUrl?: string | null;
            /** @description The last day the agreement applies; not before startDate */
            endDate?: string | null;
            /** @enum {string} */
            kind: 'service_agreement' | 'supplier_agreement' | 'license' | 'saas' | 'support' | 'dpa' | 'other';
            note?: string | null;
            /** @description Uppsägningstid in months, 0–60 */
            noticeMonths?: number | null;
            /** @description Diarienummer or the supplier’s contract number */
            reference?: string | null;
            /** @description The person responsible for the agreement; must not have left */
            responsiblePersonId?: string | null;
            startDate?: string | null;
            /** @description The supplier; none for e.g. an internal tjänsteöverenskommelse */
            supplierId?: string | null;
            /**
             * @description Systems to link at once (edit rights on each are needed)
             * @default []
             */
            systemIds?: string[];
            /** @description What the agreement is called */
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Agreement'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agreements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One agreement with its status, clauses, linked systems and what the caller may do */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The agreement id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Agreement'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an agreement (optimistic concurrency: send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The agreement id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The agreement renews itself unless terminated within the notice period */
            autoRenewal?: boolean;
            clauses?: {
              /** @description Backup (säkerhetskopiering) */
              backup?: boolean | null;
              /** @description Secure destruction of media and data (säker destruktion) */
              destruction?: boolean | null;
              /** @description Personuppgiftsbiträdesavtal (data processing agreement) */
              dpa?: boolean | null;
              /** @description Logging (loggning) */
              logging?: boolean | null;
            };
            /** @description Where the signed agreement is (http(s) only) */
            documentUrl?: string | null;
            /** @description The last day the agreement applies; not before startDate */
            endDate?: string | null;
            /** @enum {string} */
            kind?: 'service_agreement' | 'supplier_agreement' | 'license' | 'saas' | 'support' | 'dpa' | 'other';
            note?: string | null;
            /** @description Uppsägningstid in months, 0–60 */
            noticeMonths?: number | null;
            /** @description Diarienummer or the supplier’s contract number */
            reference?: string | null;
            /** @description The person responsible for the agreement; must not have left */
            responsiblePersonId?: string | null;
            startDate?: string | null;
            /** @description The supplier; none for e.g. an internal tjänsteöverenskommelse */
            supplierId?: string | null;
            /** @description What the agreement is called */
            title?: string;
            /** @description The version the change is based on; a stale version gives 409 conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Agreement'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/agreements/{id}/systems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Link the agreement to a system (edit rights on the system; not an avvecklad one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The agreement id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The system the agreement covers */
            systemId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Agreement'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agreements/{id}/systems/{systemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove the link between the agreement and a system (edit rights on the system) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The agreement id */
          id: string;
          /** @description The system id */
          systemId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail, newest first, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description The user who acted */
          actorId?: string;
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          entityId?: string;
          /** @description e.g. user, invite, setup_link */
          entityType?: string;
          /** @description Events at or after this time */
          from?: string;
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description Events before this time */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AuditEvent'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/csrf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** CSRF token for state-changing requests */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send as the x-csrf-token header on every POST, PUT, PATCH and DELETE */
              token: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with e-mail and password
     * @description After 10 failures for an account or an address within 15 minutes: 429 with Retry-After.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description E-mail address; trimmed and compared in lower case */
            email: string;
            /** @description The account password */
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['Me'];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out of this session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout-everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End all of the caller's sessions */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Findings the caller may see, worst first, keyset-paginated (status=resolved gives the history) */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description Only findings with this key, e.g. role_vacant, agreement_missing */
          rule?: '' | string;
          severity?: '' | ('high' | 'medium' | 'low');
          /** @description open (default), resolved (history) or all */
          status?: 'open' | 'resolved' | 'all';
          /** @description Only findings on this system */
          systemId?: '' | string;
          /** @description Only findings on this unit or below it (a system counts under its owning unit) */
          unitId?: '' | string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingsPage'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and database check */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              database: 'sqlite' | 'postgres';
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply a system register dry-run, all or nothing (409 when a system changed since the dry-run) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The import id from the dry-run */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SystemImportResult'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/systems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dry-run of a system register import (multipart: file = XLSX or CSV; mapping; createMissing)
     * @description Reads every sheet, finds the header row, recognises Swedish and English column names and shows, per row, what applying would do (create, update, unchanged, error with the cell). mapping = JSON {"column header as in the file": field or null} corrects the recognised columns; createMissing = true adds the förvaltningar and people the file names that Ansvar does not know. Nothing changes until POST /api/imports/{id}/apply (within an hour). At most 10 MB and 20,000 rows.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SystemImportPreview'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invite a person by link */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description E-mail address; trimmed and compared in lower case */
            email: string;
            /** @description Full name as shown in Ansvar */
            name: string;
            /**
             * @description The app role, installation-wide
             * @enum {string}
             */
            role: 'administrator' | 'reviewer' | 'user';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description ISO-8601 UTC timestamp */
              expiresAt: string;
              id: string;
              /** @description The one-time link to send to the person; it is shown only now */
              url: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invites/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an invitation link is for */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The token from the link */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: string;
              /** @description ISO-8601 UTC timestamp */
              expiresAt: string;
              name: string;
              /** @enum {string} */
              role: 'administrator' | 'reviewer' | 'user';
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invites/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation: choose a password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Full name as shown in Ansvar */
            name: string;
            /** @description At least 12 characters, not a common password */
            password: string;
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user, their grants and permitted actions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/locale': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Remember the interface language */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            locale: 'sv' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the signed-in user’s password
     * @description Needs the current password (a wrong one is 400 with a message on currentPassword and counts towards the sign-in lockout: after 10 failures, 429 with Retry-After). Ends all of the user’s other sessions; this one stays.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The password in use now; a wrong one counts towards the sign-in lockout like a failed sign-in */
            currentPassword: string;
            /** @description The new password: at least 12 characters, not a common one, not the current one */
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description How many of the user's other sessions were ended; the caller's own session stays */
              otherSessionsEnded: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Org units the caller may read, by name, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description kommun (always at the top), kommunstyrelse, namnd, forvaltning, avdelning, enhet, kommunalt_bolag, kommunalforbund or annan */
          kind?:
            'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description Only the direct sub-units of this unit */
          parentId?: string;
          /** @description Part of the name or code, any case (å, ä, ö too) */
          q?: string;
          /** @description Only this unit and everything under it */
          rootId?: string;
          status?: 'active' | 'inactive';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['OrgUnit'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a unit (a kommun at the top needs an installation-wide grant) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Short code, e.g. SOF; searchable. Empty clears it */
            code?: string | null;
            /** @description Id in the HR or source system; unique. Empty clears it */
            externalId?: string | null;
            function?: ('it_unit' | 'kansli') | null;
            /**
             * @description kommun (always at the top), kommunstyrelse, namnd, forvaltning, avdelning, enhet, kommunalt_bolag, kommunalforbund or annan
             * @enum {string}
             */
            kind:
              | 'kommun'
              | 'kommunstyrelse'
              | 'namnd'
              | 'forvaltning'
              | 'avdelning'
              | 'enhet'
              | 'kommunalt_bolag'
              | 'kommunalforbund'
              | 'annan';
            /** @description The unit name */
            name: string;
            /** @description The parent unit; null for a kommun at the top */
            parentId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrgUnit'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One unit with its ancestors */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The org unit id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrgUnitDetail'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a unit's name, kind, code, external id or function */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The org unit id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Short code, e.g. SOF; searchable. Empty clears it */
            code?: string | null;
            /** @description Id in the HR or source system; unique. Empty clears it */
            externalId?: string | null;
            function?: ('it_unit' | 'kansli') | null;
            /**
             * @description kommun (always at the top), kommunstyrelse, namnd, forvaltning, avdelning, enhet, kommunalt_bolag, kommunalforbund or annan
             * @enum {string}
             */
            kind?:
              | 'kommun'
              | 'kommunstyrelse'
              | 'namnd'
              | 'forvaltning'
              | 'avdelning'
              | 'enhet'
              | 'kommunalt_bolag'
              | 'kommunalforbund'
              | 'annan';
            /** @description The unit name */
            name?: string;
            /** @description The version you read; a stale one gives 409 conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrgUnit'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/org-units/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a unit (never deleted); refused while it has active sub-units or people */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The org unit id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you read; a stale one gives 409 conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrgUnit'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{id}/move': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a unit and its sub-units under another parent */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The org unit id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The new parent; it must not be the unit itself or below it */
            parentId: string | null;
            /** @description The version you read; a stale one gives 409 conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrgUnit'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every unit the caller may read, depth-first, for tree views */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Depth-first: each unit is followed by its sub-units, siblings by name */
              items: components['schemas']['OrgUnit'][];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Choose a new password from a reset link
     * @description Uses the link up (of two requests at once, exactly one succeeds) and ends every session of the user.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description At least 12 characters, not a common password */
            password: string;
            /** @description The token from the link */
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/password-reset/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whose password a reset link is for */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The token from the link */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Whose password the link resets */
              email: string;
              /** @description ISO-8601 UTC timestamp */
              expiresAt: string;
              name: string;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People the caller may see, by name, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description With unitId: also people in the units below it (default false) */
          includeSubunits?: 'true' | 'false' | '';
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description Search in name and e-mail (ignores case, incl. å/ä/ö) and exact employee id */
          q?: string;
          /** @description Only people with this status; all statuses when absent */
          status?: 'active' | 'disabled' | 'left' | '';
          /** @description Only people whose home unit is this unit */
          unitId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Person'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a person to a unit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description E-mail address, stored in lower case; unique among people */
            email?: string | null;
            /** @description Employee id in the HR system (anställningsnummer); unique; never a personnummer */
            externalId?: string | null;
            /** @description The org unit the person belongs to */
            homeUnitId: string;
            /** @description The person’s manager (chef) */
            managerId?: string | null;
            /** @description Full name as shown in Ansvar */
            name: string;
            /** @description Job title (befattning) */
            title?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Person'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person with the roles they hold now */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The person id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PersonDetail'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a person, their status included (people are never deleted) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The person id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description E-mail address, stored in lower case; unique among people */
            email?: string | null;
            /** @description Employee id in the HR system (anställningsnummer); unique; never a personnummer */
            externalId?: string | null;
            /** @description Move the person to this unit (org:manage needed on both units) */
            homeUnitId?: string;
            /** @description null removes the manager */
            managerId?: string | null;
            /** @description Full name as shown in Ansvar */
            name?: string;
            /**
             * @description left sets leftAt; people are never deleted
             * @enum {string}
             */
            status?: 'active' | 'disabled' | 'left';
            /** @description Job title (befattning) */
            title?: string | null;
            /** @description The version the change is based on; a stale version gives 409 conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Person'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/people/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dry-run of an HR import (multipart: file = CSV or XLSX, mode = full | partial)
     * @description Reads the file, matches each row to a person (employee id, else e-mail) and shows what applying would do. Nothing changes until POST /api/people/import/{id}/apply. At most 10 MB and 20,000 rows.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PeopleImportPreview'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/people/import/{id}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply a dry-run, all or nothing */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The import id from the dry-run */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PeopleImportResult'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The policy pack in force (the last uploaded version, else the default pack) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              document: components['schemas']['PolicyPack'];
              /**
               * @description default: the seed policy that ships with Ansvar; uploaded: a version a kommun uploaded
               * @enum {string}
               */
              source: 'default' | 'uploaded';
              uploadedAt: string | null;
              uploadedBy: {
                id: string;
                name: string;
              } | null;
              /** @description The stored version, null for the default pack */
              versionId: string | null;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policy/default.yaml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The default pack (the seed policy) as YAML, to download and edit */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policy/responsibilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is responsible for each area of the policy in each kommun, and the organisation-level findings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Findings not tied to one kommun */
              findings: components['schemas']['PolicyFinding'][];
              organisations: {
                areas: {
                  area: string;
                  responsibilities: {
                    /** @enum {string} */
                    capacity: 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
                    /** @description The rule depends on facts of a system (e.g. inside the network) */
                    conditional: boolean;
                    explanation: components['schemas']['PolicyText'];
                    parties: components['schemas']['ResponsibleParty'][];
                    /** @enum {string} */
                    resolution: 'resolved' | 'per_system' | 'unresolved';
                    ruleId: string;
                    through: {
                      agreement?: string;
                      role?: string;
                    } | null;
                    when: components['schemas']['PolicyCondition'] | null;
                  }[];
                  title: components['schemas']['PolicyText'];
                }[];
                findings: components['schemas']['PolicyFinding'][];
                kommun: {
                  id: string;
                  name: string;
                };
              }[];
              pack: {
                id: string;
                version: string;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policy/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Uploaded versions, newest first, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description Page size, at most 500 */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['PolicyVersion'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a new version (JSON document or YAML text); it becomes the active pack
     * @description A pack that does not validate is refused with 400 validation_failed; `fields` is keyed by the path in the pack (e.g. rules.3.when.fact).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The pack as JSON (give this or yaml) */
            document?: unknown;
            /** @description Why, for the audit trail */
            message?: string;
            /** @description The pack as YAML text (give this or document) */
            yaml?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activatedAt: string | null;
              document: components['schemas']['PolicyPack'];
              /** @description SHA-256 of the stored JSON document, also in the audit trail */
              documentSha256: string;
              id: string;
              /** @description The pack's own id */
              packId: string;
              /** @enum {string} */
              status: 'active' | 'superseded';
              /** @description The Swedish title */
              title: string;
              /** @description ISO-8601 UTC timestamp */
              uploadedAt: string;
              uploadedBy: {
                id: string;
                name: string;
              } | null;
              version: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/role-assignments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Role assignments on units and systems the caller may read, newest start first, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description true: only current holders (started, not ended); false: only ended or planned ones */
          current?: 'true' | 'false';
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description The person holding the role */
          principalId?: string;
          /** @description A key from the role catalogue, e.g. chef */
          roleKey?: string;
          /** @description The unit or system the role is held for */
          subjectId?: string;
          subjectKind?: 'unit' | 'system';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RoleAssignment'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Give a person a role on a unit (org:manage there) or a system (the right to change it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The person who holds the role; not one who has left */
            personId: string;
            /** @description A key from the active policy pack's role catalogue */
            roleKey: string;
            /** @description The unit or system id */
            subjectId: string;
            /**
             * @description unit (organisation roles on the kommun, the top unit) or system
             * @enum {string}
             */
            subjectKind: 'unit' | 'system';
            /**
             * Format: date
             * @description First day, default today
             */
            validFrom?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RoleAssignment'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/role-assignments/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a role assignment (kept as history) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The role assignment id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description The end date, default today; not before the start
             */
            validTo?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RoleAssignment'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/role-assignments/{id}/handover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand a role over to another person: ends one assignment and starts another atomically */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The role assignment id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description The day the role changes hands, default today: the old holding ends and the new one starts
             */
            date?: string;
            /** @description The person who takes over */
            personId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ended: components['schemas']['RoleAssignment'];
              started: components['schemas']['RoleAssignment'];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The active pack's role catalogue, in the caller's language */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                description: string;
                key: string;
                maxHolders: number | null;
                minHolders: number;
                /** @description In the caller's language */
                name: string;
                subjectKinds: ('organisation' | 'unit' | 'system')[];
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create the first administrator from the one-time setup link */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description E-mail address; trimmed and compared in lower case */
            email: string;
            /** @description Full name as shown in Ansvar */
            name: string;
            /** @description At least 12 characters, not a common password */
            password: string;
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/setup/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is this first-time setup link valid? */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The token from the link */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description ISO-8601 UTC timestamp */
              expiresAt: string;
              /** @enum {boolean} */
              valid: true;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/suppliers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Suppliers by name, searched by name or organisation number, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description Search in name and organisation number (ignores case, incl. å/ä/ö) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SuppliersPage'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Register a supplier (the organisation number is checked and unique) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The supplier’s name */
            name: string;
            note?: string | null;
            /** @description Organisationsnummer, NNNNNN-NNNN (the hyphen may be left out); the last digit is a Luhn check digit */
            orgNumber?: string | null;
            /** @description http(s) address */
            website?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SupplierDetail'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/suppliers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One supplier with its contacts and the agreements with it the caller may see */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The supplier id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SupplierDetail'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a supplier (optimistic concurrency: send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The supplier id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The supplier’s name */
            name?: string;
            note?: string | null;
            /** @description Organisationsnummer, NNNNNN-NNNN (the hyphen may be left out); the last digit is a Luhn check digit */
            orgNumber?: string | null;
            /** @description The version the change is based on; a stale version gives 409 conflict */
            version: number;
            /** @description http(s) address */
            website?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SupplierDetail'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/suppliers/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a contact person at the supplier */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The supplier id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email?: ('' | string) | null;
            name: string;
            phone?: string | null;
            /** @description What the contact does for us, e.g. "Kundansvarig", "Support" */
            role?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SupplierDetail'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/suppliers/{id}/contacts/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a contact */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The contact id */
          contactId: string;
          /** @description The supplier id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SupplierDetail'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a contact (no version: the last save wins; the audit trail keeps every change) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The contact id */
          contactId: string;
          /** @description The supplier id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email?: ('' | string) | null;
            name?: string;
            phone?: string | null;
            /** @description What the contact does for us, e.g. "Kundansvarig", "Support" */
            role?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SupplierDetail'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/systems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The systems the caller may see, filtered, searched and sorted, keyset-paginated */
    get: {
      parameters: {
        query?: {
          criticality?: '' | ('low' | 'medium' | 'high' | 'unknown');
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          dir?: 'asc' | 'desc';
          /** @description Whose current holders each summary carries: role keys, comma-separated (e.g. systemagare,systemforvaltare), or all; none by default */
          holders?: string;
          /** @description unknown = hosting not registered */
          hosting?: '' | ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body' | 'unknown');
          /** @description true: only systems shared by the whole kommun */
          kommungemensamt?: 'true' | 'false' | '';
          lifecycle?: '' | ('planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired');
          /** @description Page size, at most 500 */
          limit?: number;
          /** @description Search in name, aliases and register number (ignores case, incl. å/ä/ö) */
          q?: string;
          /** @description true: only samhällsviktiga systems */
          samhallsviktig?: 'true' | 'false' | '';
          sort?: 'name' | 'registerNo' | 'updatedAt' | 'confirmedAt';
          /** @description Only systems this unit (or a unit below it) owns or uses */
          unitId?: '' | string;
          /** @description true: only systems with an open finding; false: only those without */
          withFindings?: 'true' | 'false' | '';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SystemsPage'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Register a system; it gets the next register number (SYS-0042) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Other names people use
             * @default []
             */
            aliases?: string[];
            authMethod?: ('sso' | 'directory' | 'local_accounts' | 'eid' | 'none' | 'other') | null;
            criticality?: ('low' | 'medium' | 'high') | null;
            dataLocation?: ('sweden' | 'eu_eea' | 'third_country') | null;
            description?: string | null;
            /** @description internal_it and internal_supplier are inside the municipal network */
            hosting?: ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body') | null;
            /** @enum {string} */
            kind: 'business' | 'e_service' | 'program' | 'integration' | 'infrastructure';
            /**
             * @description Shared by the whole kommun
             * @default false
             */
            kommungemensamt?: boolean;
            /**
             * @description A new system starts planned or implementing
             * @default planned
             * @enum {string}
             */
            lifecycle?: 'planned' | 'implementing';
            /** @default [] */
            links?: {
              label: string;
              /**
               * Format: uri
               * @description http(s) address
               */
              url: string;
            }[];
            /** @description The system’s name */
            name: string;
            note?: string | null;
            /** @description The owning förvaltning (or another org unit) */
            owningUnitId: string;
            personalData?: ('none' | 'personal' | 'sensitive') | null;
            /** @description What the förvaltning uses it for */
            purpose?: string | null;
            /** @description Samhällsviktig (vital to society); null = not assessed */
            samhallsviktig?: boolean | null;
            /** @description The legal basis for a third-country transfer */
            thirdCountryBasis?: string | null;
            /** @description Personal data transferred to a third country */
            thirdCountryTransfer?: boolean | null;
            userCount?: number | null;
            /**
             * @description Other units that use the system
             * @default []
             */
            usingUnitIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['System'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One system with its using units, dependencies both ways, role holders and allowed actions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['System'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a system’s facts (optimistic concurrency: send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Other names people use */
            aliases?: string[];
            authMethod?: ('sso' | 'directory' | 'local_accounts' | 'eid' | 'none' | 'other') | null;
            criticality?: ('low' | 'medium' | 'high') | null;
            dataLocation?: ('sweden' | 'eu_eea' | 'third_country') | null;
            description?: string | null;
            /** @description internal_it and internal_supplier are inside the municipal network */
            hosting?: ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body') | null;
            /** @enum {string} */
            kind?: 'business' | 'e_service' | 'program' | 'integration' | 'infrastructure';
            /** @description Shared by the whole kommun */
            kommungemensamt?: boolean;
            links?: {
              label: string;
              /**
               * Format: uri
               * @description http(s) address
               */
              url: string;
            }[];
            /** @description The system’s name */
            name?: string;
            note?: string | null;
            /** @description The owning förvaltning (or another org unit) */
            owningUnitId?: string;
            personalData?: ('none' | 'personal' | 'sensitive') | null;
            /** @description What the förvaltning uses it for */
            purpose?: string | null;
            /** @description Samhällsviktig (vital to society); null = not assessed */
            samhallsviktig?: boolean | null;
            /** @description The legal basis for a third-country transfer */
            thirdCountryBasis?: string | null;
            /** @description Personal data transferred to a third country */
            thirdCountryTransfer?: boolean | null;
            userCount?: number | null;
            /** @description Other units that use the system */
            usingUnitIds?: string[];
            /** @description The version the change is based on; a stale version gives 409 conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['System'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/systems/{id}/agreements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agreements of one system, with today’s status and the security clauses */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SystemAgreements'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the record unchanged: moves only the confirmation date */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['System'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/{id}/dependencies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that this system depends on another (no cycles) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The system this one depends on */
            dependsOnId: string;
            description?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['System'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/{id}/dependencies/{dependsOnId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a dependency */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          dependsOnId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['System'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The system’s history: changes of the system and of the roles on it, newest first, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description Page size, at most 500 */
          limit?: number;
        };
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SystemHistoryPage'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/{id}/lifecycle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move the system along its lifecycle (i drift needs the roles the policy requires; avvecklad is final) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description The state to move to; see the allowed transitions
             * @enum {string}
             */
            lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['System'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/{id}/responsibilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** For each area of the policy, who is responsible for this system, in what capacity and by which rule */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The system id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubjectResponsibilities'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The filtered register as CSV (UTF-8 with BOM, semicolons, CRLF), streamed
     * @description Every system the caller may see that matches the filters, in the list’s order; headers and values in the caller’s language (sv by default, en). Cells whose text starts with = + - @ get a leading apostrophe (formula injection).
     */
    get: {
      parameters: {
        query?: {
          criticality?: '' | ('low' | 'medium' | 'high' | 'unknown');
          dir?: 'asc' | 'desc';
          /** @description unknown = hosting not registered */
          hosting?: '' | ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body' | 'unknown');
          /** @description true: only systems shared by the whole kommun */
          kommungemensamt?: 'true' | 'false' | '';
          lifecycle?: '' | ('planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired');
          /** @description Search in name, aliases and register number (ignores case, incl. å/ä/ö) */
          q?: string;
          /** @description true: only samhällsviktiga systems */
          samhallsviktig?: 'true' | 'false' | '';
          sort?: 'name' | 'registerNo' | 'updatedAt' | 'confirmedAt';
          /** @description Only systems this unit (or a unit below it) owns or uses */
          unitId?: '' | string;
          /** @description true: only systems with an open finding; false: only those without */
          withFindings?: 'true' | 'false' | '';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV file, one row per system after a header row */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/export.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The filtered register as an XLSX workbook (sheet "System")
     * @description Every system the caller may see that matches the filters, in the list’s order; headers and values in the caller’s language (sv by default, en). Cells whose text starts with = + - @ get a leading apostrophe (formula injection).
     */
    get: {
      parameters: {
        query?: {
          criticality?: '' | ('low' | 'medium' | 'high' | 'unknown');
          dir?: 'asc' | 'desc';
          /** @description unknown = hosting not registered */
          hosting?: '' | ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body' | 'unknown');
          /** @description true: only systems shared by the whole kommun */
          kommungemensamt?: 'true' | 'false' | '';
          lifecycle?: '' | ('planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired');
          /** @description Search in name, aliases and register number (ignores case, incl. å/ä/ö) */
          q?: string;
          /** @description true: only samhällsviktiga systems */
          samhallsviktig?: 'true' | 'false' | '';
          sort?: 'name' | 'registerNo' | 'updatedAt' | 'confirmedAt';
          /** @description Only systems this unit (or a unit below it) owns or uses */
          unitId?: '' | string;
          /** @description true: only systems with an open finding; false: only those without */
          withFindings?: 'true' | 'false' | '';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description XLSX workbook, one row per system after a bold header row */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/systems/responsibilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Responsibility matrix: for each system (the list’s filters and sort) and each area, who is responsible and by which rule */
    get: {
      parameters: {
        query?: {
          criticality?: '' | ('low' | 'medium' | 'high' | 'unknown');
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          dir?: 'asc' | 'desc';
          /** @description unknown = hosting not registered */
          hosting?: '' | ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body' | 'unknown');
          /** @description true: only systems shared by the whole kommun */
          kommungemensamt?: 'true' | 'false' | '';
          lifecycle?: '' | ('planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired');
          /** @description Systems per page, at most 100 */
          limit?: number;
          /** @description Search in name, aliases and register number (ignores case, incl. å/ä/ö) */
          q?: string;
          /** @description true: only samhällsviktiga systems */
          samhallsviktig?: 'true' | 'false' | '';
          sort?: 'name' | 'registerNo' | 'updatedAt' | 'confirmedAt';
          /** @description Only systems this unit (or a unit below it) owns or uses */
          unitId?: '' | string;
          /** @description true: only systems with an open finding; false: only those without */
          withFindings?: 'true' | 'false' | '';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ResponsibilityMatrix'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users, by e-mail, keyset-paginated */
    get: {
      parameters: {
        query?: {
          /** @description Opaque cursor from the previous page (nextCursor) */
          cursor?: string;
          /** @description Page size, at most 500 */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['UserSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's app permission grants */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The user id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['UserGrant'][];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Give a user an app role, on the whole installation or on a unit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The user id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Whether the grant also covers the units below (default true)
             * @default true
             */
            includeSubunits?: boolean;
            /** @description The unit the grant covers; null for the whole installation */
            orgUnitId: string | null;
            /**
             * @description administrator, reviewer (granskare, read-only) or user (användare)
             * @enum {string}
             */
            role: 'administrator' | 'reviewer' | 'user';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UserGrant'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/grants/{grantId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a grant (not the installation's last administrator) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The grant id */
          grantId: string;
          /** @description The user id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make a one-time link for a user to choose a new password
     * @description Valid 24 hours and once; a new link replaces the earlier ones. Not for a deactivated user (409).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description ISO-8601 UTC timestamp */
              expiresAt: string;
              /** @description A short id of the link, as named in the audit trail */
              id: string;
              /** @description The one-time link to give the user; it is shown only now, works for 24 hours, and replaces earlier links */
              url: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End all of a user's sessions */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Agreement: {
      autoRenewal: boolean;
      can: {
        /** @description The caller may change the agreement */
        edit: boolean;
      };
      clauses: {
        backup: boolean | null;
        destruction: boolean | null;
        dpa: boolean | null;
        logging: boolean | null;
      };
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      documentUrl: string | null;
      endDate: string | null;
      /** @description Linked systems the caller may not see */
      hiddenSystemCount: number;
      id: string;
      /** @enum {string} */
      kind: 'service_agreement' | 'supplier_agreement' | 'license' | 'saas' | 'support' | 'dpa' | 'other';
      note: string | null;
      /** @description The first day of the notice period: endDate − noticeMonths */
      noticeFrom: string | null;
      noticeMonths: number | null;
      reference: string | null;
      responsible: {
        id: string;
        name: string;
        /** @enum {string} */
        status: 'active' | 'disabled' | 'left';
      } | null;
      startDate: string | null;
      /**
       * @description Today (Swedish time): active, in_notice_period, ended or not_started
       * @enum {string}
       */
      status: 'active' | 'in_notice_period' | 'ended' | 'not_started';
      supplier: {
        id: string;
        name: string;
      } | null;
      /** @description Linked systems the caller may see */
      systems: {
        /** @description The caller may remove this link (edit rights on the system) */
        canUnlink: boolean;
        id: string;
        lifecycle: string;
        name: string;
        registerNo: string;
      }[];
      title: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    AgreementInput: {
      autoRenewal: boolean;
      can: {
        /** @description The caller may change the agreement */
        edit: boolean;
      };
      clauses: {
        backup: boolean | null;
        destruction: boolean | null;
        dpa: boolean | null;
        logging: boolean | null;
      };
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      documentUrl: string | null;
      endDate: string | null;
      /** @description Linked systems the caller may not see */
      hiddenSystemCount: number;
      id: string;
      /** @enum {string} */
      kind: 'service_agreement' | 'supplier_agreement' | 'license' | 'saas' | 'support' | 'dpa' | 'other';
      note: string | null;
      /** @description The first day of the notice period: endDate − noticeMonths */
      noticeFrom: string | null;
      noticeMonths: number | null;
      reference: string | null;
      responsible: {
        id: string;
        name: string;
        /** @enum {string} */
        status: 'active' | 'disabled' | 'left';
      } | null;
      startDate: string | null;
      /**
       * @description Today (Swedish time): active, in_notice_period, ended or not_started
       * @enum {string}
       */
      status: 'active' | 'in_notice_period' | 'ended' | 'not_started';
      supplier: {
        id: string;
        name: string;
      } | null;
      /** @description Linked systems the caller may see */
      systems: {
        /** @description The caller may remove this link (edit rights on the system) */
        canUnlink: boolean;
        id: string;
        lifecycle: string;
        name: string;
        registerNo: string;
      }[];
      title: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    AgreementsPage: {
      items: components['schemas']['AgreementSummary'][];
      nextCursor: string | null;
    };
    AgreementsPageInput: {
      items: components['schemas']['AgreementSummaryInput'][];
      nextCursor: string | null;
    };
    AgreementSummary: {
      autoRenewal: boolean;
      clauses: {
        backup: boolean | null;
        destruction: boolean | null;
        dpa: boolean | null;
        logging: boolean | null;
      };
      endDate: string | null;
      id: string;
      /** @enum {string} */
      kind: 'service_agreement' | 'supplier_agreement' | 'license' | 'saas' | 'support' | 'dpa' | 'other';
      /** @description The first day of the notice period: endDate − noticeMonths */
      noticeFrom: string | null;
      noticeMonths: number | null;
      reference: string | null;
      responsible: {
        id: string;
        name: string;
        /** @enum {string} */
        status: 'active' | 'disabled' | 'left';
      } | null;
      startDate: string | null;
      /**
       * @description Today (Swedish time): active, in_notice_period, ended or not_started
       * @enum {string}
       */
      status: 'active' | 'in_notice_period' | 'ended' | 'not_started';
      supplier: {
        id: string;
        name: string;
      } | null;
      title: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    AgreementSummaryInput: {
      autoRenewal: boolean;
      clauses: {
        backup: boolean | null;
        destruction: boolean | null;
        dpa: boolean | null;
        logging: boolean | null;
      };
      endDate: string | null;
      id: string;
      /** @enum {string} */
      kind: 'service_agreement' | 'supplier_agreement' | 'license' | 'saas' | 'support' | 'dpa' | 'other';
      /** @description The first day of the notice period: endDate − noticeMonths */
      noticeFrom: string | null;
      noticeMonths: number | null;
      reference: string | null;
      responsible: {
        id: string;
        name: string;
        /** @enum {string} */
        status: 'active' | 'disabled' | 'left';
      } | null;
      startDate: string | null;
      /**
       * @description Today (Swedish time): active, in_notice_period, ended or not_started
       * @enum {string}
       */
      status: 'active' | 'in_notice_period' | 'ended' | 'not_started';
      supplier: {
        id: string;
        name: string;
      } | null;
      title: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    AuditEvent: {
      action: string;
      /** @description null for the system itself */
      actor: {
        id: string;
        name: string;
      } | null;
      /** @description The entity after the change (JSON), or null */
      after: unknown;
      /** @description ISO-8601 UTC timestamp */
      at: string;
      /** @description The entity before the change (JSON), or null */
      before: unknown;
      entityId: string;
      entityType: string;
      id: string;
      message: string | null;
      /** @enum {string} */
      origin: 'ui' | 'api' | 'import' | 'system';
      requestId: string | null;
      /** @description Position in the hash chain */
      seq: number;
    };
    AuditEventInput: {
      action: string;
      /** @description null for the system itself */
      actor: {
        id: string;
        name: string;
      } | null;
      /** @description The entity after the change (JSON), or null */
      after: unknown;
      /** @description ISO-8601 UTC timestamp */
      at: string;
      /** @description The entity before the change (JSON), or null */
      before: unknown;
      entityId: string;
      entityType: string;
      id: string;
      message: string | null;
      /** @enum {string} */
      origin: 'ui' | 'api' | 'import' | 'system';
      requestId: string | null;
      /** @description Position in the hash chain */
      seq: number;
    };
    Error: {
      error: {
        /** @description Stable machine-readable code, e.g. validation_failed */
        code: string;
        /** @description Per-field messages, keyed by field path */
        fields?: {
          [key: string]: string;
        };
        /** @description Human-readable message in the caller's language (sv or en) */
        message: string;
      };
    };
    ErrorInput: {
      error: {
        /** @description Stable machine-readable code, e.g. validation_failed */
        code: string;
        /** @description Per-field messages, keyed by field path */
        fields?: {
          [key: string]: string;
        };
        /** @description Human-readable message in the caller's language (sv or en) */
        message: string;
      };
    };
    Finding: {
      /** @description Who should act, from the responsibilities */
      actor: {
        id: string;
        name: string;
      } | null;
      id: string;
      /** @description ISO-8601 UTC timestamp */
      openedAt: string;
      resolvedAt: string | null;
      /** @description The finding’s key, e.g. role_vacant */
      rule: string;
      /** @description The policy pack rules this finding keeps from being satisfied */
      ruleIds: string[];
      /** @enum {string} */
      severity: 'high' | 'medium' | 'low';
      /** @description Since when the gap exists (ISO date or timestamp) */
      since: string;
      /** @enum {string} */
      status: 'open' | 'resolved';
      subject: {
        id: string | null;
        /** @enum {string} */
        kind: 'installation' | 'unit' | 'system' | 'person';
        name: string | null;
      };
      systemId: string | null;
      /** @description In the caller’s language */
      text: string;
      unitId: string | null;
    };
    FindingInput: {
      /** @description Who should act, from the responsibilities */
      actor: {
        id: string;
        name: string;
      } | null;
      id: string;
      /** @description ISO-8601 UTC timestamp */
      openedAt: string;
      resolvedAt: string | null;
      /** @description The finding’s key, e.g. role_vacant */
      rule: string;
      /** @description The policy pack rules this finding keeps from being satisfied */
      ruleIds: string[];
      /** @enum {string} */
      severity: 'high' | 'medium' | 'low';
      /** @description Since when the gap exists (ISO date or timestamp) */
      since: string;
      /** @enum {string} */
      status: 'open' | 'resolved';
      subject: {
        id: string | null;
        /** @enum {string} */
        kind: 'installation' | 'unit' | 'system' | 'person';
        name: string | null;
      };
      systemId: string | null;
      /** @description In the caller’s language */
      text: string;
      unitId: string | null;
    };
    FindingsPage: {
      items: components['schemas']['Finding'][];
      nextCursor: string | null;
    };
    FindingsPageInput: {
      items: components['schemas']['FindingInput'][];
      nextCursor: string | null;
    };
    Grant: {
      /** @description Whether the grant also covers the units below */
      includeSubunits: boolean;
      /** @description The unit the grant covers; null for the whole installation */
      orgUnitId: string | null;
      /**
       * @description administrator, reviewer (granskare, read-only) or user (användare)
       * @enum {string}
       */
      role: 'administrator' | 'reviewer' | 'user';
    };
    GrantInput: {
      /** @description Whether the grant also covers the units below */
      includeSubunits: boolean;
      /** @description The unit the grant covers; null for the whole installation */
      orgUnitId: string | null;
      /**
       * @description administrator, reviewer (granskare, read-only) or user (användare)
       * @enum {string}
       */
      role: 'administrator' | 'reviewer' | 'user';
    };
    Me: {
      email: string;
      id: string;
      /** @description Preferred interface language, if chosen */
      locale: ('sv' | 'en') | null;
      name: string;
      /** @description Actions the user may perform somewhere; the server checks each request */
      permissions: (
        | 'audit:read'
        | 'users:read'
        | 'users:manage'
        | 'org:read'
        | 'org:manage'
        | 'policy:read'
        | 'policy:manage'
        | 'systems:read'
        | 'systems:write'
      )[];
      roles: components['schemas']['Grant'][];
    };
    MeInput: {
      email: string;
      id: string;
      /** @description Preferred interface language, if chosen */
      locale: ('sv' | 'en') | null;
      name: string;
      /** @description Actions the user may perform somewhere; the server checks each request */
      permissions: (
        | 'audit:read'
        | 'users:read'
        | 'users:manage'
        | 'org:read'
        | 'org:manage'
        | 'policy:read'
        | 'policy:manage'
        | 'systems:read'
        | 'systems:write'
      )[];
      roles: components['schemas']['GrantInput'][];
    };
    OrgUnit: {
      code: string | null;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description How many units are above it (a kommun is 0) */
      depth: number;
      externalId: string | null;
      function: ('it_unit' | 'kansli') | null;
      id: string;
      /** @enum {string} */
      kind: 'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
      name: string;
      parentId: string | null;
      /** @description Names from the top down, joined with " / " */
      path: string;
      /**
       * @description Units are never deleted, only deactivated
       * @enum {string}
       */
      status: 'active' | 'inactive';
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    OrgUnitDetail: {
      /** @description The units above it, from the top down */
      ancestors: {
        id: string;
        /** @enum {string} */
        kind:
          'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
        name: string;
      }[];
      code: string | null;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description How many units are above it (a kommun is 0) */
      depth: number;
      externalId: string | null;
      function: ('it_unit' | 'kansli') | null;
      id: string;
      /** @enum {string} */
      kind: 'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
      name: string;
      parentId: string | null;
      /** @description Names from the top down, joined with " / " */
      path: string;
      /**
       * @description Units are never deleted, only deactivated
       * @enum {string}
       */
      status: 'active' | 'inactive';
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    OrgUnitDetailInput: {
      /** @description The units above it, from the top down */
      ancestors: {
        id: string;
        /** @enum {string} */
        kind:
          'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
        name: string;
      }[];
      code: string | null;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description How many units are above it (a kommun is 0) */
      depth: number;
      externalId: string | null;
      function: ('it_unit' | 'kansli') | null;
      id: string;
      /** @enum {string} */
      kind: 'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
      name: string;
      parentId: string | null;
      /** @description Names from the top down, joined with " / " */
      path: string;
      /**
       * @description Units are never deleted, only deactivated
       * @enum {string}
       */
      status: 'active' | 'inactive';
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    OrgUnitInput: {
      code: string | null;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description How many units are above it (a kommun is 0) */
      depth: number;
      externalId: string | null;
      function: ('it_unit' | 'kansli') | null;
      id: string;
      /** @enum {string} */
      kind: 'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
      name: string;
      parentId: string | null;
      /** @description Names from the top down, joined with " / " */
      path: string;
      /**
       * @description Units are never deleted, only deactivated
       * @enum {string}
       */
      status: 'active' | 'inactive';
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    PeopleImportPreview: {
      counts: {
        create: number;
        error: number;
        markLeft: number;
        unchanged: number;
        update: number;
      };
      /** @description ISO-8601 UTC timestamp */
      expiresAt: string;
      /** @description Apply with POST /api/people/import/{id}/apply */
      id: string;
      /** @description Full mode: people who will be marked left */
      markLeft: {
        id: string;
        name: string;
      }[];
      /** @enum {string} */
      mode: 'full' | 'partial';
      rows: {
        /** @enum {string} */
        action: 'create' | 'update' | 'unchanged' | 'error';
        /** @description Changed fields (Person field names) for update */
        changes?: string[];
        errors?: {
          column: string;
          message: string;
        }[];
        externalId: string | null;
        name: string | null;
        /** @description Row number in the file (1 = first row) */
        row: number;
      }[];
      /** @description About the plan as a whole. mark_left_withheld: a full import whose rows name units that were not found marks no one left */
      warnings: {
        /** @enum {string} */
        code: 'mark_left_withheld';
        message: string;
      }[];
    };
    PeopleImportPreviewInput: {
      counts: {
        create: number;
        error: number;
        markLeft: number;
        unchanged: number;
        update: number;
      };
      /** @description ISO-8601 UTC timestamp */
      expiresAt: string;
      /** @description Apply with POST /api/people/import/{id}/apply */
      id: string;
      /** @description Full mode: people who will be marked left */
      markLeft: {
        id: string;
        name: string;
      }[];
      /** @enum {string} */
      mode: 'full' | 'partial';
      rows: {
        /** @enum {string} */
        action: 'create' | 'update' | 'unchanged' | 'error';
        /** @description Changed fields (Person field names) for update */
        changes?: string[];
        errors?: {
          column: string;
          message: string;
        }[];
        externalId: string | null;
        name: string | null;
        /** @description Row number in the file (1 = first row) */
        row: number;
      }[];
      /** @description About the plan as a whole. mark_left_withheld: a full import whose rows name units that were not found marks no one left */
      warnings: {
        /** @enum {string} */
        code: 'mark_left_withheld';
        message: string;
      }[];
    };
    PeopleImportResult: {
      /** @description ISO-8601 UTC timestamp */
      appliedAt: string;
      /** @description What was written: rows with errors were skipped */
      counts: {
        create: number;
        error: number;
        markLeft: number;
        unchanged: number;
        update: number;
      };
      id: string;
      /** @enum {string} */
      mode: 'full' | 'partial';
    };
    PeopleImportResultInput: {
      /** @description ISO-8601 UTC timestamp */
      appliedAt: string;
      /** @description What was written: rows with errors were skipped */
      counts: {
        create: number;
        error: number;
        markLeft: number;
        unchanged: number;
        update: number;
      };
      id: string;
      /** @enum {string} */
      mode: 'full' | 'partial';
    };
    Person: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string | null;
      /** @description Employee id in the HR system */
      externalId: string | null;
      /** @description The home unit */
      homeUnit: {
        id: string;
        name: string;
      } | null;
      id: string;
      /** @description When the person was marked left */
      leftAt: string | null;
      /** @description The manager (chef) */
      manager: {
        id: string;
        name: string;
      } | null;
      name: string;
      /** @enum {string} */
      status: 'active' | 'disabled' | 'left';
      title: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    PersonDetail: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string | null;
      /** @description Employee id in the HR system */
      externalId: string | null;
      /** @description The home unit */
      homeUnit: {
        id: string;
        name: string;
      } | null;
      id: string;
      /** @description When the person was marked left */
      leftAt: string | null;
      /** @description The manager (chef) */
      manager: {
        id: string;
        name: string;
      } | null;
      name: string;
      /** @description Current role assignments held by the person */
      roles: {
        current: boolean;
        id: string;
        person: {
          id: string;
          name: string;
          /** @enum {string} */
          status: 'active' | 'disabled' | 'left';
        };
        roleKey: string;
        /** @description The role's name in the caller's language (the key when the catalogue has no such role) */
        roleName: string;
        subjectId: string;
        /** @enum {string} */
        subjectKind: 'unit' | 'system';
        subjectName: string;
        /** @description ISO date */
        validFrom: string;
        /** @description ISO date; null = open */
        validTo: string | null;
      }[];
      /** @enum {string} */
      status: 'active' | 'disabled' | 'left';
      title: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    PersonDetailInput: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string | null;
      /** @description Employee id in the HR system */
      externalId: string | null;
      /** @description The home unit */
      homeUnit: {
        id: string;
        name: string;
      } | null;
      id: string;
      /** @description When the person was marked left */
      leftAt: string | null;
      /** @description The manager (chef) */
      manager: {
        id: string;
        name: string;
      } | null;
      name: string;
      /** @description Current role assignments held by the person */
      roles: {
        current: boolean;
        id: string;
        person: {
          id: string;
          name: string;
          /** @enum {string} */
          status: 'active' | 'disabled' | 'left';
        };
        roleKey: string;
        /** @description The role's name in the caller's language (the key when the catalogue has no such role) */
        roleName: string;
        subjectId: string;
        /** @enum {string} */
        subjectKind: 'unit' | 'system';
        subjectName: string;
        /** @description ISO date */
        validFrom: string;
        /** @description ISO date; null = open */
        validTo: string | null;
      }[];
      /** @enum {string} */
      status: 'active' | 'disabled' | 'left';
      title: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    PersonInput: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string | null;
      /** @description Employee id in the HR system */
      externalId: string | null;
      /** @description The home unit */
      homeUnit: {
        id: string;
        name: string;
      } | null;
      id: string;
      /** @description When the person was marked left */
      leftAt: string | null;
      /** @description The manager (chef) */
      manager: {
        id: string;
        name: string;
      } | null;
      name: string;
      /** @enum {string} */
      status: 'active' | 'disabled' | 'left';
      title: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
    };
    PolicyArea: {
      /** @description lower-case letters, digits and _ */
      key: string;
      /**
       * @description priority: a "särskilt prioriterat område"; general: other responsibility text
       * @enum {string}
       */
      kind: 'priority' | 'general';
      /** @description The policy text of the area; Swedish exactly as adopted */
      text: components['schemas']['PolicyText'];
      title: components['schemas']['PolicyText'];
    };
    PolicyAreaInput: {
      /** @description lower-case letters, digits and _ */
      key: string;
      /**
       * @description priority: a "särskilt prioriterat område"; general: other responsibility text
       * @enum {string}
       */
      kind: 'priority' | 'general';
      /** @description The policy text of the area; Swedish exactly as adopted */
      text: components['schemas']['PolicyTextInput'];
      title: components['schemas']['PolicyTextInput'];
    };
    PolicyCondition: {
      all?: components['schemas']['PolicyCondition'][];
      any?: components['schemas']['PolicyCondition'][];
      equals?: string | number | boolean;
      /** @description A fact name, e.g. system.insideNetwork */
      fact?: string;
      in?: (string | number | boolean)[];
      not?: components['schemas']['PolicyCondition'];
    };
    PolicyConditionInput: {
      all?: components['schemas']['PolicyConditionInput'][];
      any?: components['schemas']['PolicyConditionInput'][];
      equals?: string | number | boolean;
      /** @description A fact name, e.g. system.insideNetwork */
      fact?: string;
      in?: (string | number | boolean)[];
      not?: components['schemas']['PolicyConditionInput'];
    };
    PolicyFinding: {
      /** @description e.g. unit_missing, role_vacant, forvaltning_without_namnd */
      key: string;
      params: {
        [key: string]: string | number;
      };
      /** @description Rules this finding keeps from being satisfied */
      ruleIds: string[];
      /** @enum {string} */
      severity: 'high' | 'medium' | 'low';
      subject: {
        id: string | null;
        /** @enum {string} */
        kind: 'installation' | 'unit' | 'system' | 'person';
        name: string | null;
      };
      text: {
        en: string;
        sv: string;
      };
    };
    PolicyFindingInput: {
      /** @description e.g. unit_missing, role_vacant, forvaltning_without_namnd */
      key: string;
      params: {
        [key: string]: string | number;
      };
      /** @description Rules this finding keeps from being satisfied */
      ruleIds: string[];
      /** @enum {string} */
      severity: 'high' | 'medium' | 'low';
      subject: {
        id: string | null;
        /** @enum {string} */
        kind: 'installation' | 'unit' | 'system' | 'person';
        name: string | null;
      };
      text: {
        en: string;
        sv: string;
      };
    };
    PolicyGoal: {
      /** @description lower-case letters, digits and _ */
      key: string;
      text: components['schemas']['PolicyText'];
    };
    PolicyGoalInput: {
      /** @description lower-case letters, digits and _ */
      key: string;
      text: components['schemas']['PolicyTextInput'];
    };
    PolicyPack: {
      /** @default {} */
      adoption: {
        /** @description Who adopted it, e.g. Kommunfullmäktige */
        body?: string;
        /** @description When (YYYY-MM-DD) */
        date?: string;
        /** @description Diarienummer or paragraph */
        reference?: string;
      };
      areas: components['schemas']['PolicyArea'][];
      /** @constant */
      format: 'ansvar-policy-pack/1';
      goals: components['schemas']['PolicyGoal'][];
      /** @description The pack identity, e.g. svenljunga-it-sakerhetspolicy */
      id: string;
      /**
       * @description The language the policy was adopted in
       * @enum {string}
       */
      language: 'sv' | 'en';
      roles: components['schemas']['PolicyRole'][];
      rules: components['schemas']['PolicyRule'][];
      /**
       * @default {
       *       "confirmationCadenceMonths": {
       *         "default": 12,
       *         "samhallsviktig": 6
       *       },
       *       "operationRequires": [
       *         "systemagare",
       *         "systemforvaltare",
       *         "driftansvarig"
       *       ],
       *       "systemEditors": [
       *         "systemagare",
       *         "systemforvaltare"
       *       ],
       *       "unitLead": "chef"
       *     }
       */
      settings: {
        /**
         * @description How often a system record must be confirmed as true
         * @default {
         *       "default": 12,
         *       "samhallsviktig": 6
         *     }
         */
        confirmationCadenceMonths: {
          default: number;
          samhallsviktig: number;
        };
        /**
         * @description Roles a system must have holders of before it goes into operation (i drift)
         * @default [
         *       "systemagare",
         *       "systemforvaltare",
         *       "driftansvarig"
         *     ]
         */
        operationRequires: string[];
        /**
         * @description Roles whose holders may change and confirm their own system’s record
         * @default [
         *       "systemagare",
         *       "systemforvaltare"
         *     ]
         */
        systemEditors: string[];
        /**
         * @description The role that leads a unit: findings on a unit (and on a system without a holder of systemEditors) name its holder
         * @default chef
         */
        unitLead: string;
      };
      title: components['schemas']['PolicyText'];
      /**
       * @description Sentences of the policy that are not rules, and why
       * @default []
       */
      unexpressed: {
        reason: components['schemas']['PolicyText'];
        source: string;
      }[];
      /** @description The version, e.g. 2026.1 */
      version: string;
    };
    PolicyPackInput: {
      /** @default {} */
      adoption: {
        /** @description Who adopted it, e.g. Kommunfullmäktige */
        body?: string;
        /** @description When (YYYY-MM-DD) */
        date?: string;
        /** @description Diarienummer or paragraph */
        reference?: string;
      };
      areas: components['schemas']['PolicyAreaInput'][];
      /** @constant */
      format: 'ansvar-policy-pack/1';
      goals: components['schemas']['PolicyGoalInput'][];
      /** @description The pack identity, e.g. svenljunga-it-sakerhetspolicy */
      id: string;
      /**
       * @description The language the policy was adopted in
       * @enum {string}
       */
      language: 'sv' | 'en';
      roles: components['schemas']['PolicyRoleInput'][];
      rules: components['schemas']['PolicyRuleInput'][];
      /**
       * @default {
       *       "confirmationCadenceMonths": {
       *         "default": 12,
       *         "samhallsviktig": 6
       *       },
       *       "operationRequires": [
       *         "systemagare",
       *         "systemforvaltare",
       *         "driftansvarig"
       *       ],
       *       "systemEditors": [
       *         "systemagare",
       *         "systemforvaltare"
       *       ],
       *       "unitLead": "chef"
       *     }
       */
      settings: {
        /**
         * @description How often a system record must be confirmed as true
         * @default {
         *       "default": 12,
         *       "samhallsviktig": 6
         *     }
         */
        confirmationCadenceMonths: {
          default: number;
          samhallsviktig: number;
        };
        /**
         * @description Roles a system must have holders of before it goes into operation (i drift)
         * @default [
         *       "systemagare",
         *       "systemforvaltare",
         *       "driftansvarig"
         *     ]
         */
        operationRequires: string[];
        /**
         * @description Roles whose holders may change and confirm their own system’s record
         * @default [
         *       "systemagare",
         *       "systemforvaltare"
         *     ]
         */
        systemEditors: string[];
        /**
         * @description The role that leads a unit: findings on a unit (and on a system without a holder of systemEditors) name its holder
         * @default chef
         */
        unitLead: string;
      };
      title: components['schemas']['PolicyTextInput'];
      /**
       * @description Sentences of the policy that are not rules, and why
       * @default []
       */
      unexpressed: {
        reason: components['schemas']['PolicyTextInput'];
        source: string;
      }[];
      /** @description The version, e.g. 2026.1 */
      version: string;
    };
    PolicyParty: {
      /**
       * @description select unit: the unit with this function
       * @enum {string}
       */
      function?: 'it_unit' | 'kansli';
      /**
       * @description select unit: the unit of this kind in the kommun
       * @enum {string}
       */
      kind?:
        'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
      /** @description select role_holders: where, tried in order */
      on?: ('subject' | 'owning_forvaltning' | 'kommun' | 'each_unit')[];
      /** @description select role_holders: the role */
      role?: string;
      /** @enum {string} */
      select: 'unit' | 'owning_forvaltning' | 'namnd_of_owning_forvaltning' | 'role_holders' | 'employees';
    };
    PolicyPartyInput: {
      /**
       * @description select unit: the unit with this function
       * @enum {string}
       */
      function?: 'it_unit' | 'kansli';
      /**
       * @description select unit: the unit of this kind in the kommun
       * @enum {string}
       */
      kind?:
        'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan';
      /** @description select role_holders: where, tried in order */
      on?: ('subject' | 'owning_forvaltning' | 'kommun' | 'each_unit')[];
      /** @description select role_holders: the role */
      role?: string;
      /** @enum {string} */
      select: 'unit' | 'owning_forvaltning' | 'namnd_of_owning_forvaltning' | 'role_holders' | 'employees';
    };
    PolicyRole: {
      /** @description Other names, e.g. pm3 */
      aliases?: string[];
      description: components['schemas']['PolicyText'];
      /** @description false: added from the domain model, not named by the policy text */
      fromSeed: boolean;
      /** @description lower-case letters, digits and _ */
      key: string;
      maxHolders: number | null;
      minHolders: number;
      name: components['schemas']['PolicyText'];
      /** @description Where minHolders is checked; default: every subject kind */
      requiredOn?: ('organisation' | 'unit' | 'system')[];
      /**
       * @description Severity of a vacancy
       * @default medium
       * @enum {string}
       */
      severity: 'high' | 'medium' | 'low';
      subjectKinds: ('organisation' | 'unit' | 'system')[];
      /** @description For requiredOn unit: only units of these kinds */
      unitKinds?: (
        'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan'
      )[];
    };
    PolicyRoleInput: {
      /** @description Other names, e.g. pm3 */
      aliases?: string[];
      description: components['schemas']['PolicyTextInput'];
      /** @description false: added from the domain model, not named by the policy text */
      fromSeed: boolean;
      /** @description lower-case letters, digits and _ */
      key: string;
      maxHolders: number | null;
      minHolders: number;
      name: components['schemas']['PolicyTextInput'];
      /** @description Where minHolders is checked; default: every subject kind */
      requiredOn?: ('organisation' | 'unit' | 'system')[];
      /**
       * @description Severity of a vacancy
       * @default medium
       * @enum {string}
       */
      severity: 'high' | 'medium' | 'low';
      subjectKinds: ('organisation' | 'unit' | 'system')[];
      /** @description For requiredOn unit: only units of these kinds */
      unitKinds?: (
        'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'kommunalt_bolag' | 'kommunalforbund' | 'annan'
      )[];
    };
    PolicyRule: {
      /** @description lower-case letters, digits and _ */
      area: string;
      /**
       * @description Levels the rule is evaluated at
       * @default [
       *       "organisation",
       *       "system"
       *     ]
       */
      at: ('organisation' | 'system')[];
      /** @enum {string} */
      capacity: 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
      explanation: components['schemas']['PolicyText'];
      /** @description dotted key, e.g. sakerhetskopiering.it_unit */
      id: string;
      party: components['schemas']['PolicyParty'];
      /**
       * @description Severity of a finding when the party cannot be found
       * @default medium
       * @enum {string}
       */
      severity: 'high' | 'medium' | 'low';
      /** @description The sentence(s) of the policy this rule implements, quoted */
      source: string;
      /** @description How the party carries it out: by an agreement, or through holders of a role */
      through?: {
        /** @enum {string} */
        agreement?: 'service_agreement' | 'agreement';
        /** @description lower-case letters, digits and _ */
        role?: string;
      };
      /** @description Absent: the rule always applies */
      when?: components['schemas']['PolicyCondition'];
    };
    PolicyRuleInput: {
      /** @description lower-case letters, digits and _ */
      area: string;
      /**
       * @description Levels the rule is evaluated at
       * @default [
       *       "organisation",
       *       "system"
       *     ]
       */
      at: ('organisation' | 'system')[];
      /** @enum {string} */
      capacity: 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
      explanation: components['schemas']['PolicyTextInput'];
      /** @description dotted key, e.g. sakerhetskopiering.it_unit */
      id: string;
      party: components['schemas']['PolicyPartyInput'];
      /**
       * @description Severity of a finding when the party cannot be found
       * @default medium
       * @enum {string}
       */
      severity: 'high' | 'medium' | 'low';
      /** @description The sentence(s) of the policy this rule implements, quoted */
      source: string;
      /** @description How the party carries it out: by an agreement, or through holders of a role */
      through?: {
        /** @enum {string} */
        agreement?: 'service_agreement' | 'agreement';
        /** @description lower-case letters, digits and _ */
        role?: string;
      };
      /** @description Absent: the rule always applies */
      when?: components['schemas']['PolicyConditionInput'];
    };
    PolicyText: {
      /** @description English */
      en?: string;
      /** @description Swedish */
      sv: string;
    };
    PolicyTextInput: {
      /** @description English */
      en?: string;
      /** @description Swedish */
      sv: string;
    };
    PolicyVersion: {
      activatedAt: string | null;
      /** @description SHA-256 of the stored JSON document, also in the audit trail */
      documentSha256: string;
      id: string;
      /** @description The pack's own id */
      packId: string;
      /** @enum {string} */
      status: 'active' | 'superseded';
      /** @description The Swedish title */
      title: string;
      /** @description ISO-8601 UTC timestamp */
      uploadedAt: string;
      uploadedBy: {
        id: string;
        name: string;
      } | null;
      version: string;
    };
    PolicyVersionInput: {
      activatedAt: string | null;
      /** @description SHA-256 of the stored JSON document, also in the audit trail */
      documentSha256: string;
      id: string;
      /** @description The pack's own id */
      packId: string;
      /** @enum {string} */
      status: 'active' | 'superseded';
      /** @description The Swedish title */
      title: string;
      /** @description ISO-8601 UTC timestamp */
      uploadedAt: string;
      uploadedBy: {
        id: string;
        name: string;
      } | null;
      version: string;
    };
    ResponsibilityMatrix: {
      /** @description The columns: the policy’s areas in order */
      areas: {
        key: string;
        title: components['schemas']['PolicyText'];
      }[];
      items: {
        cells: {
          area: string;
          responsibilities: {
            /** @enum {string} */
            capacity: 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
            /** @description The rule depends on facts of a system (e.g. inside the network) */
            conditional: boolean;
            explanation: components['schemas']['PolicyText'];
            parties: components['schemas']['ResponsibleParty'][];
            /** @enum {string} */
            resolution: 'resolved' | 'per_system' | 'unresolved';
            ruleId: string;
            through: {
              agreement?: string;
              role?: string;
            } | null;
            when: components['schemas']['PolicyCondition'] | null;
          }[];
        }[];
        /** @description Findings of the engine for this system */
        findings: number;
        system: {
          id: string;
          name: string;
          owningUnit: {
            id: string;
            name: string;
          };
          registerNo: string;
        };
      }[];
      nextCursor: string | null;
      pack: {
        id: string;
        version: string;
      };
    };
    ResponsibilityMatrixInput: {
      /** @description The columns: the policy’s areas in order */
      areas: {
        key: string;
        title: components['schemas']['PolicyTextInput'];
      }[];
      items: {
        cells: {
          area: string;
          responsibilities: {
            /** @enum {string} */
            capacity: 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
            /** @description The rule depends on facts of a system (e.g. inside the network) */
            conditional: boolean;
            explanation: components['schemas']['PolicyTextInput'];
            parties: components['schemas']['ResponsiblePartyInput'][];
            /** @enum {string} */
            resolution: 'resolved' | 'per_system' | 'unresolved';
            ruleId: string;
            through: {
              agreement?: string;
              role?: string;
            } | null;
            when: components['schemas']['PolicyConditionInput'] | null;
          }[];
        }[];
        /** @description Findings of the engine for this system */
        findings: number;
        system: {
          id: string;
          name: string;
          owningUnit: {
            id: string;
            name: string;
          };
          registerNo: string;
        };
      }[];
      nextCursor: string | null;
      pack: {
        id: string;
        version: string;
      };
    };
    ResponsibleParty:
      | {
          id: string;
          kind: string;
          name: string;
          /** @constant */
          type: 'unit';
        }
      | {
          id: string;
          name: string;
          roleKey: string;
          /** @description Where the role is held */
          subjectId: string;
          /** @constant */
          type: 'person';
        }
      | {
          /** @description Active holders, where counted */
          count: number | null;
          /** @enum {string} */
          key: 'employees' | 'role_holders';
          roleKey: string | null;
          /** @constant */
          type: 'collective';
        };
    ResponsiblePartyInput:
      | {
          id: string;
          kind: string;
          name: string;
          /** @constant */
          type: 'unit';
        }
      | {
          id: string;
          name: string;
          roleKey: string;
          /** @description Where the role is held */
          subjectId: string;
          /** @constant */
          type: 'person';
        }
      | {
          /** @description Active holders, where counted */
          count: number | null;
          /** @enum {string} */
          key: 'employees' | 'role_holders';
          roleKey: string | null;
          /** @constant */
          type: 'collective';
        };
    RoleAssignment: {
      /** @description Started on or before today and not ended */
      current: boolean;
      id: string;
      person: {
        id: string;
        name: string;
        /** @enum {string} */
        status: 'active' | 'disabled' | 'left';
      };
      roleKey: string;
      /** @description The role's name in the caller's language */
      roleName: string;
      subjectId: string;
      /** @enum {string} */
      subjectKind: 'unit' | 'system';
      subjectName: string;
      /** @description ISO date */
      validFrom: string;
      /** @description ISO date the holding ended (exclusive); null while open */
      validTo: string | null;
    };
    RoleAssignmentInput: {
      /** @description Started on or before today and not ended */
      current: boolean;
      id: string;
      person: {
        id: string;
        name: string;
        /** @enum {string} */
        status: 'active' | 'disabled' | 'left';
      };
      roleKey: string;
      /** @description The role's name in the caller's language */
      roleName: string;
      subjectId: string;
      /** @enum {string} */
      subjectKind: 'unit' | 'system';
      subjectName: string;
      /** @description ISO date */
      validFrom: string;
      /** @description ISO date the holding ended (exclusive); null while open */
      validTo: string | null;
    };
    SubjectResponsibilities: {
      areas: {
        area: string;
        responsibilities: {
          /** @enum {string} */
          capacity: 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
          /** @description The rule depends on facts of a system (e.g. inside the network) */
          conditional: boolean;
          explanation: components['schemas']['PolicyText'];
          parties: components['schemas']['ResponsibleParty'][];
          /** @enum {string} */
          resolution: 'resolved' | 'per_system' | 'unresolved';
          ruleId: string;
          through: {
            agreement?: string;
            role?: string;
          } | null;
          when: components['schemas']['PolicyCondition'] | null;
        }[];
        title: components['schemas']['PolicyText'];
      }[];
      findings: components['schemas']['PolicyFinding'][];
      pack: {
        id: string;
        version: string;
      };
    };
    SubjectResponsibilitiesInput: {
      areas: {
        area: string;
        responsibilities: {
          /** @enum {string} */
          capacity: 'accountable' | 'orders' | 'executes' | 'administers' | 'controls' | 'supports' | 'advises';
          /** @description The rule depends on facts of a system (e.g. inside the network) */
          conditional: boolean;
          explanation: components['schemas']['PolicyTextInput'];
          parties: components['schemas']['ResponsiblePartyInput'][];
          /** @enum {string} */
          resolution: 'resolved' | 'per_system' | 'unresolved';
          ruleId: string;
          through: {
            agreement?: string;
            role?: string;
          } | null;
          when: components['schemas']['PolicyConditionInput'] | null;
        }[];
        title: components['schemas']['PolicyTextInput'];
      }[];
      findings: components['schemas']['PolicyFindingInput'][];
      pack: {
        id: string;
        version: string;
      };
    };
    Supplier: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      id: string;
      name: string;
      note: string | null;
      /** @description NNNNNN-NNNN */
      orgNumber: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
      website: string | null;
    };
    SupplierContact: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string | null;
      id: string;
      name: string;
      phone: string | null;
      role: string | null;
    };
    SupplierContactInput: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string | null;
      id: string;
      name: string;
      phone: string | null;
      role: string | null;
    };
    SupplierDetail: {
      /** @description The supplier’s agreements the caller may see */
      agreements: components['schemas']['AgreementSummary'][];
      can: {
        /** @description The caller may change the supplier and its contacts */
        edit: boolean;
      };
      contacts: components['schemas']['SupplierContact'][];
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      id: string;
      name: string;
      note: string | null;
      /** @description NNNNNN-NNNN */
      orgNumber: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
      website: string | null;
    };
    SupplierDetailInput: {
      /** @description The supplier’s agreements the caller may see */
      agreements: components['schemas']['AgreementSummaryInput'][];
      can: {
        /** @description The caller may change the supplier and its contacts */
        edit: boolean;
      };
      contacts: components['schemas']['SupplierContactInput'][];
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      id: string;
      name: string;
      note: string | null;
      /** @description NNNNNN-NNNN */
      orgNumber: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
      website: string | null;
    };
    SupplierInput: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      id: string;
      name: string;
      note: string | null;
      /** @description NNNNNN-NNNN */
      orgNumber: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      version: number;
      website: string | null;
    };
    SuppliersPage: {
      items: components['schemas']['Supplier'][];
      nextCursor: string | null;
    };
    SuppliersPageInput: {
      items: components['schemas']['SupplierInput'][];
      nextCursor: string | null;
    };
    System: {
      aliases: string[];
      authMethod: ('sso' | 'directory' | 'local_accounts' | 'eid' | 'none' | 'other') | null;
      can: {
        /** @description The caller may confirm the record unchanged */
        confirm: boolean;
        /** @description The caller may change the system */
        edit: boolean;
      };
      /** @description ISO date by which the record must be confirmed again */
      confirmationDue: string;
      confirmedAt: string | null;
      confirmedBy: {
        id: string;
        name: string;
      } | null;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      criticality: ('low' | 'medium' | 'high') | null;
      dataLocation: ('sweden' | 'eu_eea' | 'third_country') | null;
      /** @description Systems this one depends on */
      dependencies: {
        description: string | null;
        id: string;
        /** @enum {string} */
        lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
        name: string;
        registerNo: string;
      }[];
      /** @description Systems that depend on this one */
      dependents: {
        description: string | null;
        id: string;
        /** @enum {string} */
        lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
        name: string;
        registerNo: string;
      }[];
      description: string | null;
      /** @description Current holders of roles on the system (in the list: only the roles asked for with holders) */
      holders: {
        person: {
          id: string;
          name: string;
          /** @enum {string} */
          status: 'active' | 'disabled' | 'left';
        };
        roleKey: string;
      }[];
      hosting: ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body') | null;
      id: string;
      /** @description From the hosting model; null when it is not known */
      insideNetwork: boolean | null;
      /** @enum {string} */
      kind: 'business' | 'e_service' | 'program' | 'integration' | 'infrastructure';
      kommungemensamt: boolean;
      /** @enum {string} */
      lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
      links: {
        label: string;
        url: string;
      }[];
      name: string;
      note: string | null;
      owningUnit: {
        id: string;
        name: string;
      };
      personalData: ('none' | 'personal' | 'sensitive') | null;
      purpose: string | null;
      /** @description SYS-0042 */
      registerNo: string;
      retiredAt: string | null;
      samhallsviktig: boolean | null;
      thirdCountryBasis: string | null;
      thirdCountryTransfer: boolean | null;
      /** @description States the lifecycle may move to from here */
      transitions: ('planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired')[];
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      userCount: number | null;
      usingUnits: {
        id: string;
        name: string;
      }[];
      version: number;
    };
    SystemAgreements: {
      /** @description The agreements linked to the system, ending soonest first */
      items: components['schemas']['AgreementSummary'][];
    };
    SystemAgreementsInput: {
      /** @description The agreements linked to the system, ending soonest first */
      items: components['schemas']['AgreementSummaryInput'][];
    };
    /** @description Ids of what the caller may not see are null: the other system of a dependency, and units (owningUnitId, usingUnitIds) that the caller’s grants do not reach and that are not the system’s units today */
    SystemHistoryEvent: {
      action: string;
      /** @description null for the system itself */
      actor: {
        id: string;
        name: string;
      } | null;
      /** @description The entity after the change (JSON), or null */
      after: unknown;
      /** @description ISO-8601 UTC timestamp */
      at: string;
      /** @description The entity before the change (JSON), or null */
      before: unknown;
      /** @description For a dependency added or removed: the other system, as the caller may see it */
      dependsOn: {
        id: string | null;
        name: string | null;
        registerNo: string | null;
        /** @description false: a system the caller may not see (its id is null here and in before/after) */
        visible: boolean;
      } | null;
      entityId: string;
      entityType: string;
      id: string;
      message: string | null;
      /** @enum {string} */
      origin: 'ui' | 'api' | 'import' | 'system';
      /** @description For an event of a role on the system: the person who holds or held it */
      person: {
        id: string;
        name: string;
      } | null;
      /** @description For an event of a role on the system: the role (named in the caller’s language) */
      role: {
        key: string;
        name: string;
      } | null;
      /** @description Position in the hash chain */
      seq: number;
    };
    /** @description Ids of what the caller may not see are null: the other system of a dependency, and units (owningUnitId, usingUnitIds) that the caller’s grants do not reach and that are not the system’s units today */
    SystemHistoryEventInput: {
      action: string;
      /** @description null for the system itself */
      actor: {
        id: string;
        name: string;
      } | null;
      /** @description The entity after the change (JSON), or null */
      after: unknown;
      /** @description ISO-8601 UTC timestamp */
      at: string;
      /** @description The entity before the change (JSON), or null */
      before: unknown;
      /** @description For a dependency added or removed: the other system, as the caller may see it */
      dependsOn: {
        id: string | null;
        name: string | null;
        registerNo: string | null;
        /** @description false: a system the caller may not see (its id is null here and in before/after) */
        visible: boolean;
      } | null;
      entityId: string;
      entityType: string;
      id: string;
      message: string | null;
      /** @enum {string} */
      origin: 'ui' | 'api' | 'import' | 'system';
      /** @description For an event of a role on the system: the person who holds or held it */
      person: {
        id: string;
        name: string;
      } | null;
      /** @description For an event of a role on the system: the role (named in the caller’s language) */
      role: {
        key: string;
        name: string;
      } | null;
      /** @description Position in the hash chain */
      seq: number;
    };
    SystemHistoryPage: {
      items: components['schemas']['SystemHistoryEvent'][];
      nextCursor: string | null;
    };
    SystemHistoryPageInput: {
      items: components['schemas']['SystemHistoryEventInput'][];
      nextCursor: string | null;
    };
    SystemImportPreview: {
      counts: {
        /** @description Systems to register */
        create: number;
        /** @description Rows with errors: not imported */
        error: number;
        /** @description Systems the file states as they are */
        unchanged: number;
        /** @description Systems that change */
        update: number;
      };
      createMissing: boolean;
      effects: {
        /** @description Agreements created or given a new end date */
        agreements: number;
        /** @description New people */
        people: number;
        roleEnds: number;
        roleStarts: number;
        suppliers: number;
        /** @description New förvaltningar */
        units: number;
      };
      /** @description ISO-8601 UTC timestamp */
      expiresAt: string;
      /** @description The fields a column may be mapped to */
      fields: (
        | 'registerNo'
        | 'name'
        | 'aliases'
        | 'kind'
        | 'description'
        | 'purpose'
        | 'unit'
        | 'usingUnits'
        | 'kommungemensamt'
        | 'lifecycle'
        | 'criticality'
        | 'samhallsviktig'
        | 'hosting'
        | 'dataLocation'
        | 'thirdCountryTransfer'
        | 'personalData'
        | 'sensitivePersonalData'
        | 'authMethod'
        | 'userCount'
        | 'link'
        | 'owner'
        | 'manager'
        | 'operations'
        | 'supplier'
        | 'agreementEnd'
        | 'confidentiality'
        | 'integrity'
        | 'availability'
        | 'classification'
        | 'note'
      )[];
      fileName: string | null;
      /** @description Apply with POST /api/imports/{id}/apply */
      id: string;
      /** @description How each column was read */
      mapping: {
        column: string;
        field:
          | (
              | 'registerNo'
              | 'name'
              | 'aliases'
              | 'kind'
              | 'description'
              | 'purpose'
              | 'unit'
              | 'usingUnits'
              | 'kommungemensamt'
              | 'lifecycle'
              | 'criticality'
              | 'samhallsviktig'
              | 'hosting'
              | 'dataLocation'
              | 'thirdCountryTransfer'
              | 'personalData'
              | 'sensitivePersonalData'
              | 'authMethod'
              | 'userCount'
              | 'link'
              | 'owner'
              | 'manager'
              | 'operations'
              | 'supplier'
              | 'agreementEnd'
              | 'confidentiality'
              | 'integrity'
              | 'availability'
              | 'classification'
              | 'note'
            )
          | null;
        sheets: string[];
      }[];
      /** @description What the import assumed about the file as a whole */
      notices: string[];
      rows: {
        /** @enum {string} */
        action: 'create' | 'update' | 'unchanged' | 'error';
        /** @description For update: changed fields (system fields, owner/manager/operations, agreement) */
        changes?: string[];
        errors?: {
          /** @description The cell, e.g. C7; null for the row as a whole */
          cell: string | null;
          /** @description The column header (or the sheet name when the sheet gives the förvaltning) */
          column: string | null;
          message: string;
        }[];
        name: string | null;
        /** @description Remarks that do not stop the row */
        notes?: {
          /** @description The cell, e.g. C7; null for the row as a whole */
          cell: string | null;
          /** @description The column header (or the sheet name when the sheet gives the förvaltning) */
          column: string | null;
          message: string;
        }[];
        registerNo: string | null;
        /** @description Row number on the sheet (1 = first row) */
        row: number;
        /** @description The sheet (null for CSV) */
        sheet: string | null;
        /** @description The owning förvaltning */
        unit: string | null;
      }[];
      /** @description Systems listed on several rows or sheets, merged into one */
      shared: {
        name: string;
        owner: string;
        rows: {
          cell: string | null;
          row: number;
          sheet: string | null;
        }[];
        usedBy: string[];
      }[];
      sheets: {
        headerRow: number | null;
        name: string | null;
        notes: number;
        rows: number;
        unitFromName: boolean;
      }[];
      unknownPeople: {
        create: boolean;
        email: string | null;
        name: string;
        rows: {
          cell: string | null;
          row: number;
          sheet: string | null;
        }[];
      }[];
      unknownUnits: {
        create: boolean;
        name: string;
        rows: {
          cell: string | null;
          row: number;
          sheet: string | null;
        }[];
      }[];
    };
    SystemImportPreviewInput: {
      counts: {
        /** @description Systems to register */
        create: number;
        /** @description Rows with errors: not imported */
        error: number;
        /** @description Systems the file states as they are */
        unchanged: number;
        /** @description Systems that change */
        update: number;
      };
      createMissing: boolean;
      effects: {
        /** @description Agreements created or given a new end date */
        agreements: number;
        /** @description New people */
        people: number;
        roleEnds: number;
        roleStarts: number;
        suppliers: number;
        /** @description New förvaltningar */
        units: number;
      };
      /** @description ISO-8601 UTC timestamp */
      expiresAt: string;
      /** @description The fields a column may be mapped to */
      fields: (
        | 'registerNo'
        | 'name'
        | 'aliases'
        | 'kind'
        | 'description'
        | 'purpose'
        | 'unit'
        | 'usingUnits'
        | 'kommungemensamt'
        | 'lifecycle'
        | 'criticality'
        | 'samhallsviktig'
        | 'hosting'
        | 'dataLocation'
        | 'thirdCountryTransfer'
        | 'personalData'
        | 'sensitivePersonalData'
        | 'authMethod'
        | 'userCount'
        | 'link'
        | 'owner'
        | 'manager'
        | 'operations'
        | 'supplier'
        | 'agreementEnd'
        | 'confidentiality'
        | 'integrity'
        | 'availability'
        | 'classification'
        | 'note'
      )[];
      fileName: string | null;
      /** @description Apply with POST /api/imports/{id}/apply */
      id: string;
      /** @description How each column was read */
      mapping: {
        column: string;
        field:
          | (
              | 'registerNo'
              | 'name'
              | 'aliases'
              | 'kind'
              | 'description'
              | 'purpose'
              | 'unit'
              | 'usingUnits'
              | 'kommungemensamt'
              | 'lifecycle'
              | 'criticality'
              | 'samhallsviktig'
              | 'hosting'
              | 'dataLocation'
              | 'thirdCountryTransfer'
              | 'personalData'
              | 'sensitivePersonalData'
              | 'authMethod'
              | 'userCount'
              | 'link'
              | 'owner'
              | 'manager'
              | 'operations'
              | 'supplier'
              | 'agreementEnd'
              | 'confidentiality'
              | 'integrity'
              | 'availability'
              | 'classification'
              | 'note'
            )
          | null;
        sheets: string[];
      }[];
      /** @description What the import assumed about the file as a whole */
      notices: string[];
      rows: {
        /** @enum {string} */
        action: 'create' | 'update' | 'unchanged' | 'error';
        /** @description For update: changed fields (system fields, owner/manager/operations, agreement) */
        changes?: string[];
        errors?: {
          /** @description The cell, e.g. C7; null for the row as a whole */
          cell: string | null;
          /** @description The column header (or the sheet name when the sheet gives the förvaltning) */
          column: string | null;
          message: string;
        }[];
        name: string | null;
        /** @description Remarks that do not stop the row */
        notes?: {
          /** @description The cell, e.g. C7; null for the row as a whole */
          cell: string | null;
          /** @description The column header (or the sheet name when the sheet gives the förvaltning) */
          column: string | null;
          message: string;
        }[];
        registerNo: string | null;
        /** @description Row number on the sheet (1 = first row) */
        row: number;
        /** @description The sheet (null for CSV) */
        sheet: string | null;
        /** @description The owning förvaltning */
        unit: string | null;
      }[];
      /** @description Systems listed on several rows or sheets, merged into one */
      shared: {
        name: string;
        owner: string;
        rows: {
          cell: string | null;
          row: number;
          sheet: string | null;
        }[];
        usedBy: string[];
      }[];
      sheets: {
        headerRow: number | null;
        name: string | null;
        notes: number;
        rows: number;
        unitFromName: boolean;
      }[];
      unknownPeople: {
        create: boolean;
        email: string | null;
        name: string;
        rows: {
          cell: string | null;
          row: number;
          sheet: string | null;
        }[];
      }[];
      unknownUnits: {
        create: boolean;
        name: string;
        rows: {
          cell: string | null;
          row: number;
          sheet: string | null;
        }[];
      }[];
    };
    SystemImportResult: {
      /** @description ISO-8601 UTC timestamp */
      appliedAt: string;
      /** @description What was written: rows with errors were skipped */
      counts: {
        /** @description Systems to register */
        create: number;
        /** @description Rows with errors: not imported */
        error: number;
        /** @description Systems the file states as they are */
        unchanged: number;
        /** @description Systems that change */
        update: number;
      };
      effects: {
        /** @description Agreements created or given a new end date */
        agreements: number;
        /** @description New people */
        people: number;
        roleEnds: number;
        roleStarts: number;
        suppliers: number;
        /** @description New förvaltningar */
        units: number;
      };
      id: string;
    };
    SystemImportResultInput: {
      /** @description ISO-8601 UTC timestamp */
      appliedAt: string;
      /** @description What was written: rows with errors were skipped */
      counts: {
        /** @description Systems to register */
        create: number;
        /** @description Rows with errors: not imported */
        error: number;
        /** @description Systems the file states as they are */
        unchanged: number;
        /** @description Systems that change */
        update: number;
      };
      effects: {
        /** @description Agreements created or given a new end date */
        agreements: number;
        /** @description New people */
        people: number;
        roleEnds: number;
        roleStarts: number;
        suppliers: number;
        /** @description New förvaltningar */
        units: number;
      };
      id: string;
    };
    SystemInput: {
      aliases: string[];
      authMethod: ('sso' | 'directory' | 'local_accounts' | 'eid' | 'none' | 'other') | null;
      can: {
        /** @description The caller may confirm the record unchanged */
        confirm: boolean;
        /** @description The caller may change the system */
        edit: boolean;
      };
      /** @description ISO date by which the record must be confirmed again */
      confirmationDue: string;
      confirmedAt: string | null;
      confirmedBy: {
        id: string;
        name: string;
      } | null;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      criticality: ('low' | 'medium' | 'high') | null;
      dataLocation: ('sweden' | 'eu_eea' | 'third_country') | null;
      /** @description Systems this one depends on */
      dependencies: {
        description: string | null;
        id: string;
        /** @enum {string} */
        lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
        name: string;
        registerNo: string;
      }[];
      /** @description Systems that depend on this one */
      dependents: {
        description: string | null;
        id: string;
        /** @enum {string} */
        lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
        name: string;
        registerNo: string;
      }[];
      description: string | null;
      /** @description Current holders of roles on the system (in the list: only the roles asked for with holders) */
      holders: {
        person: {
          id: string;
          name: string;
          /** @enum {string} */
          status: 'active' | 'disabled' | 'left';
        };
        roleKey: string;
      }[];
      hosting: ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body') | null;
      id: string;
      /** @description From the hosting model; null when it is not known */
      insideNetwork: boolean | null;
      /** @enum {string} */
      kind: 'business' | 'e_service' | 'program' | 'integration' | 'infrastructure';
      kommungemensamt: boolean;
      /** @enum {string} */
      lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
      links: {
        label: string;
        url: string;
      }[];
      name: string;
      note: string | null;
      owningUnit: {
        id: string;
        name: string;
      };
      personalData: ('none' | 'personal' | 'sensitive') | null;
      purpose: string | null;
      /** @description SYS-0042 */
      registerNo: string;
      retiredAt: string | null;
      samhallsviktig: boolean | null;
      thirdCountryBasis: string | null;
      thirdCountryTransfer: boolean | null;
      /** @description States the lifecycle may move to from here */
      transitions: ('planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired')[];
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      userCount: number | null;
      usingUnits: {
        id: string;
        name: string;
      }[];
      version: number;
    };
    SystemsPage: {
      items: components['schemas']['SystemSummary'][];
      nextCursor: string | null;
    };
    SystemsPageInput: {
      items: components['schemas']['SystemSummaryInput'][];
      nextCursor: string | null;
    };
    SystemSummary: {
      aliases: string[];
      /** @description ISO date by which the record must be confirmed again */
      confirmationDue: string;
      confirmedAt: string | null;
      criticality: ('low' | 'medium' | 'high') | null;
      /** @description Current holders of roles on the system (in the list: only the roles asked for with holders) */
      holders: {
        person: {
          id: string;
          name: string;
          /** @enum {string} */
          status: 'active' | 'disabled' | 'left';
        };
        roleKey: string;
      }[];
      hosting: ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body') | null;
      id: string;
      /** @description From the hosting model; null when it is not known */
      insideNetwork: boolean | null;
      /** @enum {string} */
      kind: 'business' | 'e_service' | 'program' | 'integration' | 'infrastructure';
      kommungemensamt: boolean;
      /** @enum {string} */
      lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
      name: string;
      owningUnit: {
        id: string;
        name: string;
      };
      personalData: ('none' | 'personal' | 'sensitive') | null;
      /** @description SYS-0042 */
      registerNo: string;
      samhallsviktig: boolean | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      userCount: number | null;
      version: number;
    };
    SystemSummaryInput: {
      aliases: string[];
      /** @description ISO date by which the record must be confirmed again */
      confirmationDue: string;
      confirmedAt: string | null;
      criticality: ('low' | 'medium' | 'high') | null;
      /** @description Current holders of roles on the system (in the list: only the roles asked for with holders) */
      holders: {
        person: {
          id: string;
          name: string;
          /** @enum {string} */
          status: 'active' | 'disabled' | 'left';
        };
        roleKey: string;
      }[];
      hosting: ('internal_it' | 'internal_supplier' | 'supplier_hosted' | 'saas' | 'cloud_tenant' | 'public_body') | null;
      id: string;
      /** @description From the hosting model; null when it is not known */
      insideNetwork: boolean | null;
      /** @enum {string} */
      kind: 'business' | 'e_service' | 'program' | 'integration' | 'infrastructure';
      kommungemensamt: boolean;
      /** @enum {string} */
      lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
      name: string;
      owningUnit: {
        id: string;
        name: string;
      };
      personalData: ('none' | 'personal' | 'sensitive') | null;
      /** @description SYS-0042 */
      registerNo: string;
      samhallsviktig: boolean | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      userCount: number | null;
      version: number;
    };
    UserGrant: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      id: string;
      includeSubunits: boolean;
      /** @description null: the whole installation */
      orgUnitId: string | null;
      orgUnitName: string | null;
      /** @enum {string} */
      role: 'administrator' | 'reviewer' | 'user';
    };
    UserGrantInput: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      id: string;
      includeSubunits: boolean;
      /** @description null: the whole installation */
      orgUnitId: string | null;
      orgUnitName: string | null;
      /** @enum {string} */
      role: 'administrator' | 'reviewer' | 'user';
    };
    UserSummary: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string;
      id: string;
      lastSeenAt: string | null;
      name: string;
      roles: components['schemas']['Grant'][];
      /** @enum {string} */
      status: 'active' | 'disabled';
    };
    UserSummaryInput: {
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      email: string;
      id: string;
      lastSeenAt: string | null;
      name: string;
      roles: components['schemas']['GrantInput'][];
      /** @enum {string} */
      status: 'active' | 'disabled';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
