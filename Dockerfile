# The app for docker-compose.yml: it talks to the neo4j service (NEO4J_URI is set there), so no Java is needed.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN if [ -f client/vite.config.ts ]; then npm run build:client; fi
# The same compiled server and heap flags as `npm start` (README, docs/performance.md).
RUN npm run build
ENV NODE_ENV=production
EXPOSE 4000
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=8", "dist/server/main.js"]
