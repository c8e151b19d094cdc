# The image the Kubernetes Jobs (deploy/k8s) and the monitoring service run: the repository after `npm ci`,
# with the command line's bundle built once at build time (its bundler, Vite, is a dev dependency, so the
# install keeps dev dependencies), `highs-workbench` on the PATH.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm link --no-audit --no-fund && highs-workbench --help > /dev/null
USER node
ENTRYPOINT ["highs-workbench"]
CMD ["--help"]
