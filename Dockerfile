# One image for both entry points: `node dist/src/main.js` (API) and `node dist/src/worker.js` (worker).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The web application is an npm workspace: npm ci needs its package.json; its packages are all build-time
# (devDependencies), so the prune leaves the image only the API's and the built pages in dist/web.
COPY web/package.json ./web/
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY workflows ./workflows
COPY forms ./forms
COPY assets ./assets
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
