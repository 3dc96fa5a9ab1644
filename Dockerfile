# syntax=docker/dockerfile:1

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# Installing runs `prisma generate` (postinstall), offline.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# The Prisma client is compiled into dist/, so install scripts are not needed here. npm installs
# @prisma/client's optional peers (the prisma CLI, TypeScript) unless optional packages are left
# out; the only other optional ones are msgpackr's native encoder (it falls back to JavaScript)
# and pg-cloudflare (Cloudflare Workers only). tests/runtime/checkRuntimeLayout.ts repeats this
# stage without Docker in CI.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prisma ./prisma
COPY content ./content
USER node
ENV HEALTH_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --retries=5 CMD node -e "fetch('http://127.0.0.1:' + process.env.HEALTH_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "--enable-source-maps", "dist/cli/main.js"]
CMD ["all"]
