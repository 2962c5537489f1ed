import type { RouteExtractor } from '../extractor';
import { axum } from './axum';
import { beego } from './beego';
import { django } from './django';
import { express } from './express';
import { fastapi } from './fastapi';
import { fastify } from './fastify';
import { flask } from './flask';
import { gin } from './gin';
import { laravel } from './laravel';
import { nestjs } from './nestjs';
import { nextjs } from './nextjs';
import { play } from './play';
import { rocket } from './rocket';
import { sails } from './sails';
import { spring, springSettings } from './spring';
import { symfony } from './symfony';

/** Every framework's extractor, in the model's order. */
export const EXTRACTORS: readonly RouteExtractor[] = [fastapi, flask, django, express, fastify, nestjs, sails, nextjs, spring, springSettings, play, gin, beego, axum, rocket, laravel, symfony];
