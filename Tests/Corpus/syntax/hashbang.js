#!/usr/bin/env mvm
"use strict";
const answer = 42;
