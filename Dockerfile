# The web app, the workers and the deploy command in one image; docker-compose.yml picks the command.
# Stage 1 installs the production dependencies (better-sqlite3 compiles natively) and compiles src/ and workers/
# to JavaScript in dist/; stage 2 only runs them, with node as the container's main process (no npm, no shell, no
# TypeScript loader), so SIGTERM reaches the app's own shutdown.
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# .npmrc and the do-nothing telemetry collector (scripts/no-telemetry) keep npm ci from reporting to IBM; the
# variable is a second lock for the same door.
ENV IBM_TELEMETRY_DISABLED=true
COPY package.json package-lock.json .npmrc ./
COPY scripts/no-telemetry ./scripts/no-telemetry
RUN npm ci --omit=dev --no-audit --no-fund
COPY scripts/build.mjs ./scripts/
COPY src ./src
COPY workers ./workers
RUN node scripts/build.mjs

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/data BACKUP_DIR=/data/backups
WORKDIR /app
# pg_dump / pg_restore (15, as the compose file's PostgreSQL) for `node dist/src/main/backup.js` and restore.js;
# Noto CJK for the Chinese text of the charts the quarterly compliance report renders on the server
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY processes ./processes
COPY forms ./forms
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
USER node
EXPOSE 3000
# The web app's health (docker-compose.yml gives the workers their own check); node's fetch, as the slim image has
# no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WEB_PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main/web.js"]
