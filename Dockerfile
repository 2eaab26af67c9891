# The API alone, for an engine reached through SEARCH_URL (the image has no JDK, so it cannot
# provision the embedded node). docker-compose.yml runs it beside a pinned engine.
#
#   docker build -t arabic-news-search .
#   docker run --rm -p 3000:3000 -e SEARCH_URL=http://my-engine:9200 arabic-news-search

# Build: compile src/ to dist/ with the dev dependencies (TypeScript). Install scripts are not
# needed to compile, so none run.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime: production dependencies, the compiled code, and the data folders the product reads
# from the project root at run time. The engine recipes (provisioning/) and analyzers/months.json
# are imported as JSON modules, so they are already inside dist/.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
# FreeDict's English–Arabic dictionary: English words of a query searched in Arabic (ENGLISH_DICTIONARY).
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends dict-freedict-eng-ara && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY mappings ./mappings
COPY analyzers ./analyzers
COPY taxonomy ./taxonomy
COPY relevance/profiles ./relevance/profiles
COPY relevance/judgments ./relevance/judgments
COPY relevance/question-words.txt ./relevance/question-words.txt
COPY relevance/question-openers.txt ./relevance/question-openers.txt
COPY relevance/adjectives.txt ./relevance/adjectives.txt
COPY seeds ./seeds
COPY web ./web
# The files stay root's and read-only to the process.
USER node
EXPOSE 3000
# The flags are package.json's config.node_flags (a bounded V8 heap); keep the two alike.
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=4", "--enable-source-maps", "dist/src/main.js"]
