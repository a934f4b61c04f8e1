// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { pagefindIndex } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://msc-trials.example.org',
  trailingSlash: 'ignore',
  // keep the HTML's own white space: compression joined "use the" and a following link on the next line
  compressHTML: false,
  integrations: [mdx(), pagefindIndex()],
  vite: {
    plugins: [tailwindcss()],
  },
});
